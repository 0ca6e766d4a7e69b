/**
 * The Documents screen: upload the LOA, a bill with its printed date, a CSR or (VoIP numbers) a
 * screenshot of the account page, and see what the draft holds. The API sniffs the file, judges the
 * bill's date and the LOA's signer, and answers warnings for what submit would refuse.
 */
import { useState } from 'preact/hooks';
import { problemOf, unwrap, type Api, type Order, type OrderDocument } from '../../api';
import { Field, SelectField, TextField } from '../../components/Field';
import { CalendarDate, Instant } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { splitPastedNumbers } from '../../lib/numbers';
import type { FieldProblem, Problem } from '../../lib/problems';
import { useLoad } from '../../lib/use-load';

export const DOCUMENT_KINDS = [
  { value: 'loa', label: 'Letter of authorization (LOA)' },
  { value: 'bill', label: 'Bill' },
  { value: 'csr', label: 'Customer service record (CSR)' },
  { value: 'account_screenshot', label: 'VoIP account screenshot' },
] as const;
type Kind = (typeof DOCUMENT_KINDS)[number]['value'];
const kindLabel = (kind: string) => DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;

export function Documents({
  api,
  order,
  onChanged,
}: {
  api: Api;
  order: Order;
  onChanged?: (o: Order) => void;
}) {
  const docs = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}/documents', { params: { path: { id: order.id } } })),
    [order.id],
  );
  const [kind, setKind] = useState<Kind>('loa');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [issuedOn, setIssuedOn] = useState('');
  const [loaTemplate, setLoaTemplate] = useState('standard');
  const [signerName, setSignerName] = useState(
    [order.authorizedPerson.firstName, order.authorizedPerson.lastName].filter(Boolean).join(' '),
  );
  const [numbers, setNumbers] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [warnings, setWarnings] = useState<FieldProblem[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setNote(null);
    setWarnings([]);
    if (!file) {
      setProblem({
        status: 0,
        code: 'file_missing',
        title: 'Choose a file to upload',
        errors: [{ code: 'file_missing', field: 'file', message: 'Choose a PDF, PNG or JPEG file.' }],
      });
      return;
    }
    const form = new FormData();
    form.set('kind', kind);
    const covered = splitPastedNumbers(numbers);
    if (covered.length) form.set('phoneNumbers', covered.join(','));
    if (kind === 'bill' && issuedOn) form.set('issuedOn', issuedOn);
    if (kind === 'loa') {
      form.set('loaTemplate', loaTemplate);
      if (signerName.trim()) form.set('signerName', signerName.trim());
    }
    form.set('file', file);
    setBusy(true);
    try {
      const stored = await api.postForm<OrderDocument & { warnings?: FieldProblem[] }>(
        `/v1/port-in-orders/${encodeURIComponent(order.id)}/documents`,
        form,
      );
      setWarnings(stored.warnings ?? []);
      setNote(`${kindLabel(stored.kind)} uploaded (${file.name}).`);
      setFile(null);
      setFileKey((k) => k + 1);
      docs.reload();
      if (onChanged)
        onChanged(
          await unwrap(api.client.GET('/v1/port-in-orders/{id}', { params: { path: { id: order.id } } })),
        );
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const downloadLoa = async () => {
    setProblem(null);
    setNote(null);
    try {
      const pdf = await api.getBlob(`/v1/port-in-orders/${encodeURIComponent(order.id)}/loa`);
      const url = URL.createObjectURL(pdf);
      const link = document.createElement('a');
      link.href = url;
      link.download = `loa-${order.id}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNote('The LOA, filled in from this order, is downloaded: have it signed, then upload it here.');
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const requestSignature = async () => {
    setProblem(null);
    setNote(null);
    try {
      const sent = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/loa/signature-requests', {
          params: { path: { id: order.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {},
        }),
      );
      setNote(
        `A signing link is on its way to ${sent.email}. Once signed, the LOA is this order's: check it below or at the review step.`,
      );
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const errors = problem?.errors ?? [];
  return (
    <section aria-labelledby="documents-h">
      <h3 id="loa-h">The letter of authorization</h3>
      <p>
        The API fills in the LOA from this order. Download it to sign and upload, or have it signed online.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void downloadLoa()}>
          Download the LOA (PDF)
        </button>
        <button type="button" onClick={() => void requestSignature()}>
          Email the LOA for e-signature
        </button>
        <button type="button" onClick={docs.reload}>
          Refresh the documents
        </button>
      </div>
      <h3 id="documents-h">Upload a document</h3>
      <p>
        Every number needs an LOA and a proof of ownership: a bill of the last 30 days, a CSR, or for VoIP
        numbers a screenshot of the account page.
      </p>
      <form onSubmit={(e) => void upload(e)} noValidate>
        <SelectField
          name="kind"
          label="Document type"
          value={kind}
          onValue={(v) => setKind(v as Kind)}
          options={DOCUMENT_KINDS}
          problems={errors}
        />
        <Field name="file" label="File (PDF, PNG or JPEG, up to 10 MB)" problems={errors}>
          {(control) => (
            <input
              key={fileKey}
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              {...control}
              name="file"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        {kind === 'bill' ? (
          <TextField
            name="issuedOn"
            label="Bill date"
            type="date"
            value={issuedOn}
            onValue={setIssuedOn}
            problems={errors}
            hint="The issue date printed on the bill."
          />
        ) : null}
        {kind === 'loa' ? (
          <>
            <SelectField
              name="loaTemplate"
              label="LOA template"
              value={loaTemplate}
              onValue={setLoaTemplate}
              options={[
                { value: 'standard', label: 'Standard (local numbers)' },
                { value: 'toll_free', label: 'Toll-free' },
              ]}
              problems={errors}
            />
            <TextField
              name="signerName"
              label="Signed by"
              value={signerName}
              onValue={setSignerName}
              problems={errors}
              hint="The authorized person who signed the LOA."
            />
          </>
        ) : null}
        <TextField
          name="phoneNumbers"
          label="Numbers covered (optional)"
          value={numbers}
          onValue={setNumbers}
          problems={errors}
          hint="Leave empty when the document covers every number of the order."
        />
        <ProblemSummary
          problem={problem}
          claimed={['kind', 'file', 'issuedOn', 'loaTemplate', 'signerName', 'phoneNumbers']}
        />
        <button type="submit" disabled={busy}>
          Upload document
        </button>
      </form>
      <div role="status">
        {note ? <p>{note}</p> : null}
        {warnings.length ? (
          <ul class="warnings">
            {warnings.map((w, i) => (
              <li key={i}>
                {w.message} <code>{w.code}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <h3>Documents of this order</h3>
      <ProblemSummary problem={docs.problem} />
      {docs.data && docs.data.data.length ? (
        <div class="table-wrap">
          <table class="documents">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Numbers</th>
                <th scope="col">Bill date</th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.data.map((d) => (
                <tr key={d.id}>
                  <td data-label="Type">{kindLabel(d.kind)}</td>
                  <td data-label="Numbers">{d.phoneNumbers?.length ? d.phoneNumbers.join(', ') : 'all'}</td>
                  <td data-label="Bill date">{d.issuedOn ? <CalendarDate date={d.issuedOn} /> : '—'}</td>
                  <td data-label="Uploaded">
                    <Instant at={d.uploadedAt} zone={order.timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : docs.data ? (
        <p>No documents yet.</p>
      ) : null}
    </section>
  );
}
