/**
 * The LOA signing page (issue #14 item 3), for the authorized person who got the link by email: no
 * API key, the link's sealed token is the credential (api/loa-links.ts). Plain HTML, served by the
 * API: GET shows the letter (facts, and the PDF itself), POST signs it with the typed full name and
 * an explicit consent. The signed PDF (signature block and audit trail: signer, time, IP, user agent,
 * SHA-256 of the letter shown) becomes the order's LOA document, as an upload would, so submit counts
 * it; a name that is not the authorized person's is refused with submit's own rule, and leaves the
 * link usable. Used links answer 410, expired ones 410, altered ones 400: as a page, or as
 * problem+json to a client that asks for JSON rather than HTML.
 */
import express, { Router, type Request, type Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { authorizedName, loaContent } from '../../domain/loa';
import { loaSignerProblem } from '../../domain/intake/documents';
import type { StoredOrder } from '../../store/draft';
import { deleteDocumentContent, saveDocumentContent } from '../../store/documents';
import {
  claimSignatureRequest,
  findSignatureRequest,
  releaseSignatureRequest,
} from '../../store/loa-signatures';
import { changeDraft } from '../draft-changes';
import { openLink } from '../loa-links';
import { HttpProblem, sendProblem, type ProblemDetail } from '../problems';
import { renderLoaPdf } from '../loa-pdf';
import { loaFactsOf, sendPdf, type LoaRouteDeps } from './loa';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (res: Response, status: number, title: string, body: string) =>
  res
    .status(status)
    .type('text/html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
        `<body style="font-family: sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5">` +
        `<h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    );

/**
 * A refusal as the page says it to a browser; a client that asks for JSON (and not HTML) gets the
 * same status, title and code as a problem document, like every other refusal of the API.
 */
function refusal(
  res: Response,
  status: number,
  code: string,
  title: string,
  body: string,
  errors: ProblemDetail[] = [],
) {
  const wants = res.req.accepts(['text/html', 'application/problem+json', 'application/json']);
  if (wants && wants !== 'text/html') {
    res.set('Cache-Control', 'no-store');
    return sendProblem(res, new HttpProblem(status, code, title, errors));
  }
  page(res, status, title, body);
}

const ALREADY_SUBMITTED = 'This order was already submitted: its letter can no longer be signed';

/** Why a link cannot be used, as the page (and its status and code) says it. */
class LinkRefusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly code: string,
  ) {
    super(title);
  }
}

export function loaSigningRouter(deps: LoaRouteDeps): Router {
  const { store, cipher } = deps;
  const router = Router();

  /** The request and its draft order behind a token, or the refusal to show. */
  const resolve = async (token: string) => {
    const claims = openLink(cipher, token);
    if (!claims) throw new LinkRefusal(400, 'This signing link is not valid', 'invalid_link');
    const request = await findSignatureRequest(store, claims.r);
    if (!request || request.orderId !== claims.o)
      throw new LinkRefusal(400, 'This signing link is not valid', 'invalid_link');
    if (request.usedAt) throw new LinkRefusal(410, 'This signing link has already been used', 'link_used');
    if (Date.now() >= Math.min(claims.e, new Date(request.expiresAt).getTime()))
      throw new LinkRefusal(410, 'This signing link has expired', 'link_expired');
    const order = (await store.models.Order.findById(request.orderId).lean()) as StoredOrder | null;
    if (!order) throw new LinkRefusal(410, 'This order no longer exists', 'not_found');
    if (order.status !== 'draft') throw new LinkRefusal(409, ALREADY_SUBMITTED, 'not_a_draft');
    return { request, order };
  };
  const refused = (res: Response, err: unknown) => {
    if (!(err instanceof LinkRefusal)) throw err;
    refusal(
      res,
      err.status,
      err.code,
      err.title,
      '<p>Ask for a new signing link if you still need to sign.</p>',
    );
  };
  /** The unsigned letter, as the signer is shown it (the authorized person is the account's owner). */
  const unsignedLetter = async (order: StoredOrder) => {
    const content = loaContent(await loaFactsOf(order, deps, true));
    return { content, bytes: await renderLoaPdf(content) };
  };

  const form = (
    req: Request,
    res: Response,
    order: StoredOrder,
    status = 200,
    problems: ProblemDetail[] = [],
  ) => {
    const content = loaContent({
      orderId: order._id,
      authorizedPerson: order.draft.authorizedPerson ?? {},
      serviceAddress: order.draft.serviceAddress,
      phoneNumbers: order.phoneNumbers ?? [],
      date: '',
    });
    const token = encodeURIComponent(String(req.params.token));
    const show = (html: string) =>
      problems.length
        ? refusal(res, status, 'invalid_signature', 'the letter was not signed; see errors', html, problems)
        : page(res, status, content.title, html);
    show(
      (problems.length
        ? `<ul role="alert" style="color: #a00">${problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>`
        : '') +
        `<p>${escapeHtml(content.authorization)}</p>` +
        `<p><a href="${token}/loa.pdf">Read the whole letter (PDF)</a>, with the account details it carries.</p>` +
        `<p>Numbers: ${content.phoneNumbers.map(escapeHtml).join(', ')}</p>` +
        `<form method="post" action="${token}">` +
        `<p><label>Your full name<br><input name="fullName" required autocomplete="name" size="40"></label></p>` +
        `<p><label><input type="checkbox" name="consent" value="yes" required> I am ` +
        `${escapeHtml(authorizedName(order.draft.authorizedPerson ?? {}) || 'the authorized person')}, ` +
        `I have read this letter, and I sign it electronically.</label></p>` +
        `<p><button type="submit">Sign the letter</button></p></form>`,
    );
  };

  router.get('/:token/loa.pdf', async (req, res) => {
    try {
      const { order } = await resolve(String(req.params.token));
      sendPdf(res, (await unsignedLetter(order)).bytes, `loa-${order._id}.pdf`);
    } catch (err) {
      refused(res, err);
    }
  });

  router.get('/:token', async (req, res) => {
    try {
      form(req, res, (await resolve(String(req.params.token))).order);
    } catch (err) {
      refused(res, err);
    }
  });

  router.post('/:token', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    let resolved;
    try {
      resolved = await resolve(String(req.params.token));
    } catch (err) {
      return refused(res, err);
    }
    const { request, order } = resolved;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fullName = typeof body.fullName === 'string' ? body.fullName.trim().slice(0, 200) : '';
    const problems: ProblemDetail[] = [];
    if (!fullName)
      problems.push({ code: 'required', field: 'fullName', message: 'Type your full name to sign.' });
    if (body.consent !== 'yes')
      problems.push({
        code: 'required',
        field: 'consent',
        message: 'Tick the box to confirm that you sign this letter.',
      });
    // Submit's own rule for an LOA's signer (domain/intake/documents.ts): refused the same way.
    const mismatch = fullName
      ? loaSignerProblem(order.draft.authorizedPerson, fullName, 'fullName')
      : undefined;
    if (mismatch)
      problems.push({
        code: mismatch.code,
        field: 'fullName',
        message: `${mismatch.message} (${mismatch.code})`,
      });
    if (problems.length) return form(req, res, order, 422, problems);

    const { content, bytes: shown } = await unsignedLetter(order);
    const documentSha256 = createHash('sha256').update(shown).digest('hex');
    const signedAt = new Date().toISOString();
    const audit = {
      name: fullName,
      signedAt,
      ip: req.ip ?? req.socket.remoteAddress ?? '',
      userAgent: String(req.get('user-agent') ?? '').slice(0, 500),
      documentSha256,
    };
    const signed = await renderLoaPdf(content, audit);
    const id = `doc_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    // Single use, atomically: a second submission of the link finds it claimed.
    if (!(await claimSignatureRequest(store, request._id, id)))
      return refusal(
        res,
        410,
        'link_used',
        'This signing link has already been used',
        '<p>The letter is signed.</p>',
      );
    await saveDocumentContent(store, id, order._id, signed);
    const document = {
      id,
      kind: 'loa',
      phoneNumbers: [],
      loaTemplate: content.template,
      signerName: fullName,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(signed).digest('hex'),
      size: signed.length,
      uploadedAt: signedAt,
      signature: { ...audit, requestId: request._id },
    };
    // Added through the draft's revision claim (api/draft-changes.ts), like an upload.
    const added = await changeDraft(
      store,
      'signature',
      async () => {
        const current = (await store.models.Order.findById(order._id).lean()) as StoredOrder | null;
        if (!current || current.status !== 'draft')
          throw new LinkRefusal(409, ALREADY_SUBMITTED, 'not_a_draft');
        return current;
      },
      () => ({ update: { $push: { 'draft.documents': document } } }),
    ).then(
      () => true,
      (err: unknown) => (err instanceof LinkRefusal ? false : Promise.reject(err)),
    );
    if (!added) {
      // Submitted meanwhile: nothing of the signature stays, and the link is given back.
      await deleteDocumentContent(store, id, signed.length).catch(() => undefined);
      await releaseSignatureRequest(store, request._id, id);
      return refusal(res, 409, 'not_a_draft', ALREADY_SUBMITTED, '');
    }
    page(
      res,
      200,
      'Letter of authorization signed',
      `<p>Thank you, ${escapeHtml(fullName)}. The signed letter is stored with order ${escapeHtml(order._id)}; you can close this page.</p>`,
    );
  });

  return router;
}
