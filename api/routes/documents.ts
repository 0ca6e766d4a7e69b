/**
 * GET /v1/port-in-orders/{id}/documents and …/documents/{documentId}: an order's documents back, to
 * its account and to support (bills and LOAs carry personal data: ops keys are refused). The list is
 * the order's own document records; a download finds the record on the order first, then reads
 * the bytes by `_id` (store/documents.ts), so an id of another order's document is a 404 here.
 */
import { Router } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import { legacyUploadTime, openDocumentContent } from '../../store/documents';
import { allow } from '../auth';
import { rememberRouteBase } from '../observability';
import { notFound } from '../problems';
import { loadVisibleOrder } from './order-access';

type DocumentRecord = StoredOrder['draft']['documents'][number] & { uploadedAt?: string };

/** The only types an upload may have (sniffed from its bytes), with the extension a download gets. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

const recordsOf = (order: StoredOrder): DocumentRecord[] =>
  (Array.isArray(order.draft?.documents) ? order.draft.documents : []) as DocumentRecord[];

export function documentsRouter(deps: { store: Store }): Router {
  const router = Router();
  router.use(rememberRouteBase);

  router.get('/:id/documents', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisibleOrder(deps.store, req);
    // `…/documents/` (Express matches it here) names a document with an empty id: there is none.
    if (req.path.endsWith('/')) throw notFound('document');
    const data = await Promise.all(
      recordsOf(order).map(async (doc) => {
        // Uploads before uploadedAt was kept: GridFS recorded the time (read by _id).
        const uploadedAt = doc.uploadedAt ?? (await legacyUploadTime(deps.store, doc.id))?.toISOString();
        return { ...doc, ...(uploadedAt ? { uploadedAt } : {}) };
      }),
    );
    res.json({ data });
  });

  router.get('/:id/documents/:documentId', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisibleOrder(deps.store, req);
    const doc = recordsOf(order).find((d) => d.id === req.params.documentId);
    const extension = doc?.contentType ? EXTENSIONS[doc.contentType] : undefined;
    if (!doc || !extension) throw notFound('document');
    const content = await openDocumentContent(deps.store, doc.id, doc.size ?? 0);
    if (!content) throw notFound('document content');
    res.status(200);
    res.setHeader('Content-Type', doc.contentType!);
    if (doc.size !== undefined) res.setHeader('Content-Length', String(doc.size));
    // The name is made from our own id and the sniffed type, never from what the uploader sent.
    const name = doc.id.replace(/[^A-Za-z0-9_-]/g, '_');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${extension}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    if (doc.sha256) res.setHeader('ETag', `"${doc.sha256}"`);
    // Headers are gone once bytes flow: a store failure midway can only cut the response short.
    await pipeline(content, res).catch((err: unknown) => {
      res.destroy(err as Error);
    });
  });

  return router;
}
