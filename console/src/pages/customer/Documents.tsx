/**
 * The Documents screen: upload the LOA, a bill with its printed date, a CSR or (VoIP numbers) a
 * screenshot of the account page, and see what the draft holds. The API sniffs the file, judges the
 * bill's date and the LOA's signer, and answers warnings for what submit would refuse.
 */
import { useState } from 'preact/hooks';
import { unwrap, type Api, type Order, type OrderDocument } from '../../api';
import { bindFields, Field, SelectField, TextField } from '../../components/Field';
import { ProblemSummary } from '../../components/Problems';
import { splitPastedNumbers } from '../../lib/numbers';
import type { FieldProblem } from '../../lib/problems';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { DOCUMENT_KINDS, DocumentList, kindLabel, saveFile } from './DocumentList';

const LOA_TEMPLATES = [
  { value: 'standard', label: 'Standard (local numbers)' },
  { value: 'toll_free', label: 'Toll-free' },
];

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
  const [form, setForm] = useState({
    kind: 'loa',
    issuedOn: '',
    loaTemplate: 'standard',
    signerName: [order.authorizedPerson.firstName, order.authorizedPerson.lastName].filter(Boolean).join(' '),
    phoneNumbers: '',
  });
  const { kind } = form;
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const { run, problem, setProblem, busy } = useAction();
  const [warnings, setWarnings] = useState<FieldProblem[]>([]);
  const [note, setNote] = useState<string | null>(null);

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
    const body = new FormData();
    body.set('kind', kind);
    const covered = splitPastedNumbers(form.phoneNumbers);
    if (covered.length) body.set('phoneNumbers', covered.join(','));
    if (kind === 'bill' && form.issuedOn) body.set('issuedOn', form.issuedOn);
    if (kind === 'loa') {
      body.set('loaTemplate', form.loaTemplate);
      if (form.signerName.trim()) body.set('signerName', form.signerName.trim());
    }
    body.set('file', file);
    return run(async () => {
      const stored = await api.postForm<OrderDocument & { warnings?: FieldProblem[] }>(
        `/v1/port-in-orders/${encodeURIComponent(order.id)}/documents`,
        body,
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
    });
  };
  const downloadLoa = () => {
    setNote(null);
    return run(async () => {
      saveFile(
        await api.getBlob(`/v1/port-in-orders/${encodeURIComponent(order.id)}/loa`),
        `loa-${order.id}.pdf`,
      );
      setNote('The LOA, filled in from this order, is downloaded: have it signed, then upload it here.');
    });
  };
  const requestSignature = () => {
    setNote(null);
    return run(async () => {
      const sent = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/loa/signature-requests', {
          params: { path: { id: order.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {},
        }),
      );
      setNote(
        `A signing link is on its way to ${sent.email}. Once signed, the LOA is this order's: check it below or at the review step.`,
      );
    });
  };
  const errors = problem?.errors ?? [];
  const field = bindFields(form, setForm, errors);
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
        <SelectField label="Document type" options={DOCUMENT_KINDS} {...field('kind')} />
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
            label="Bill date"
            type="date"
            hint="The issue date printed on the bill."
            {...field('issuedOn')}
          />
        ) : null}
        {kind === 'loa' ? (
          <>
            <SelectField label="LOA template" options={LOA_TEMPLATES} {...field('loaTemplate')} />
            <TextField
              label="Signed by"
              hint="The authorized person who signed the LOA."
              {...field('signerName')}
            />
          </>
        ) : null}
        <TextField
          label="Numbers covered (optional)"
          hint="Leave empty when the document covers every number of the order."
          {...field('phoneNumbers')}
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
      {docs.data ? <DocumentList api={api} order={order} documents={docs.data.data} /> : null}
    </section>
  );
}
