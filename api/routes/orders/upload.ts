/** POST …/documents: one document of a draft, its type sniffed from the bytes, stored in keyed chunks. */
import type { RequestHandler } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { localDate } from '../../../domain/calendar';
import { BILL_PROBLEMS, billIssueDate } from '../../../domain/intake/documents';
import { deleteDocumentContent, saveDocumentContent } from '../../../store/documents';
import { changeDraft } from '../../draft-changes';
import { HttpProblem, ProblemCollector } from '../../problems';
import { documentMetaSchema, parse } from '../../schemas';
import { zoneOf } from '../../submission-check';
import { requireDraft, type OrderContext } from './context';

/** What the bytes are, whatever the client declared: only PDF, PNG and JPEG are accepted. */
export function sniffDocumentType(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export const uploadDocument =
  ({ store, loadVisible }: OrderContext): RequestHandler =>
  async (req, res) => {
    const order = await loadVisible(req);
    requireDraft(order);
    const problems = new ProblemCollector();
    const meta = problems.collect(() => parse(documentMetaSchema, req.body));
    const warnings =
      meta?.kind === 'bill'
        ? (problems.collect(() => billUploadWarnings(meta.issuedOn, zoneOf(order))) ?? [])
        : [];
    if (!req.file)
      problems.add(
        { code: 'required', field: 'file', message: 'attach the document as the multipart field "file"' },
        'invalid_request',
      );
    problems.throwIfAny();
    if (!meta || !req.file) throw new Error('unreachable: checked above');
    const contentType = sniffDocumentType(req.file.buffer);
    if (!contentType)
      throw new HttpProblem(
        415,
        'unsupported_document_type',
        'documents must be PDF, PNG or JPEG (checked from the content, not the declared type)',
      );
    const sha256 = createHash('sha256').update(req.file.buffer).digest('hex');
    const id = `doc_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    // Chunks keyed by the document id, so a download reads by _id only (store/documents.ts).
    await saveDocumentContent(store, id, order._id, req.file.buffer);
    const uploadedAt = new Date().toISOString();
    const size = req.file.size;
    const document = { id, ...meta, contentType, sha256, size, uploadedAt };
    try {
      // Added to the draft as it stands when written: two uploads at once both land.
      await changeDraft(
        store,
        'document',
        () => loadVisible(req),
        (current) => {
          requireDraft(current);
          return { update: { $push: { 'draft.documents': document } } };
        },
      );
    } catch (err) {
      // Submitted or deleted while the file was stored: refused, so the file goes too.
      await deleteDocumentContent(store, id, size).catch(() => undefined);
      throw err;
    }
    res.status(201).json({ ...document, ...(warnings.length ? { warnings } : {}) });
  };

/**
 * A bill must carry the issue date printed on it: without a real one it can never count, so the
 * upload is refused. A stale bill is kept (the customer may add a CSR instead) but flagged at once
 * rather than only at submit.
 */
function billUploadWarnings(issuedOn: string | undefined, timeZone: string) {
  const date = billIssueDate(issuedOn, localDate(Date.now(), timeZone));
  if (date === 'ok') return [];
  const [code, message] = BILL_PROBLEMS[date];
  if (date === 'too_old') return [{ code, field: 'issuedOn', message }];
  throw new HttpProblem(422, 'invalid_request', message, [{ code, field: 'issuedOn', message }]);
}
