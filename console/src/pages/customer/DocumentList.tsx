/**
 * An order's documents as the API lists them (kind, numbers, bill date, upload time), each with a
 * button that downloads its bytes as stored (`GET …/documents/{documentId}`): on the Documents
 * screen of a draft and on the order details page.
 */
import type { Api, Order, OrderDocument } from '../../api';
import { CalendarDate, ColumnHeads, Instant } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { useAction } from '../../lib/use-action';

export const DOCUMENT_KINDS = [
  { value: 'loa', label: 'Letter of authorization (LOA)' },
  { value: 'bill', label: 'Bill' },
  { value: 'csr', label: 'Customer service record (CSR)' },
  { value: 'account_screenshot', label: 'VoIP account screenshot' },
] as const;
export const kindLabel = (kind: string) => DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** Hands a file the API answered to the browser to save, under `name`. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DocumentList({
  api,
  order,
  documents,
  downloadable = true,
}: {
  api: Api;
  order: Pick<Order, 'id' | 'timeZone'>;
  documents: readonly OrderDocument[];
  /** The key may read the documents' bytes (the API's route allows customers and support). */
  downloadable?: boolean;
}) {
  const { run, problem } = useAction();
  const download = (d: OrderDocument) =>
    run(async () => {
      const path = `/v1/port-in-orders/${encodeURIComponent(order.id)}/documents/${encodeURIComponent(d.id)}`;
      saveFile(await api.getBlob(path), `${d.kind}-${d.id}.${EXTENSIONS[d.contentType] ?? 'bin'}`);
    });
  if (documents.length === 0) return <p>No documents yet.</p>;
  return (
    <>
      <div class="table-wrap">
        <table class="documents">
          <ColumnHeads names={['Type', 'Numbers', 'Bill date', 'Uploaded', downloadable && 'File']} />
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td data-label="Type">{kindLabel(d.kind)}</td>
                <td data-label="Numbers">{d.phoneNumbers?.length ? d.phoneNumbers.join(', ') : 'all'}</td>
                <td data-label="Bill date">{d.issuedOn ? <CalendarDate date={d.issuedOn} /> : '—'}</td>
                <td data-label="Uploaded">
                  <Instant at={d.uploadedAt} zone={order.timeZone} />
                </td>
                {downloadable ? (
                  <td data-label="File">
                    <button type="button" onClick={() => void download(d)}>
                      Download
                      <span class="visually-hidden">
                        {' '}
                        {kindLabel(d.kind)} ({d.id})
                      </span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemSummary problem={problem} />
    </>
  );
}
