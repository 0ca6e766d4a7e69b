/**
 * /v1/port-in-orders/{id}/loa: the order's letter of authorization, filled in from the order as a
 * PDF (domain/loa.ts for what it says, api/loa-pdf.ts for the layout).
 *
 * The account number: the carrier matches the LOA against the account, so the LOA the customer
 * signs carries it in full. It is written in full only for the account's own customer key, in a
 * response marked `no-store` and never logged (the request log holds no bodies); staff get the
 * same LOA with the number masked, as everywhere else in the API.
 */
import { Router, type Request, type Response } from 'express';
import type { CarrierGateway } from '../../carrier/gateway';
import { localDate } from '../../domain/calendar';
import { loaContent, type LoaFacts } from '../../domain/loa';
import { mask, type FieldCipher } from '../../security/field-crypto';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import { allow, canSee, principalOf } from '../auth';
import { renderLoaPdf } from '../loa-pdf';
import { rememberRouteBase } from '../observability';
import { HttpProblem, notFound } from '../problems';
import { randomUUID } from 'node:crypto';
import type { Mailer } from '../../notifications/mailer';
import { authorizedName } from '../../domain/loa';
import { createSignatureRequest } from '../../store/loa-signatures';
import { sealLink } from '../loa-links';
import { signatureRequestSchema } from '../loa-schemas';
import { parse } from '../schemas';
import { problemsOfFields } from '../../domain/validation';

export interface LoaRouteDeps {
  store: Store;
  cipher: FieldCipher;
  carrier: CarrierGateway;
  /** Sends the signing links; without one, signature requests answer 503. */
  mailer?: Mailer;
  /** The API's public base URL, which the signing links point at. */
  publicUrl?: string;
}

/** How long a signing link works. */
export const SIGNING_LINK_TTL_MS = 72 * 3_600_000;

/** The facts of an order's LOA; `fullAccountNumber` only for the account's owner. */
export async function loaFactsOf(
  order: StoredOrder,
  deps: LoaRouteDeps,
  fullAccountNumber: boolean,
): Promise<LoaFacts> {
  const losing = order.draft.losingCarrier ?? {};
  const accountNumber = losing.accountNumberSealed
    ? deps.cipher.decrypt(losing.accountNumberSealed)
    : undefined;
  // The carrier's name as the customer gave it, else the LNP look-up's (what submit sends too).
  const losingCarrier =
    losing.name ??
    (await deps.carrier.lookupNumbers(order.phoneNumbers)).find((l) => l.losingCarrier)?.losingCarrier;
  return {
    orderId: order._id,
    authorizedPerson: order.draft.authorizedPerson ?? {},
    serviceAddress: order.draft.serviceAddress,
    ...(losingCarrier ? { losingCarrier } : {}),
    ...(accountNumber ? { accountNumber: fullAccountNumber ? accountNumber : mask(accountNumber) } : {}),
    ...(losing.btn ? { btn: losing.btn } : {}),
    phoneNumbers: order.phoneNumbers ?? [],
    date: localDate(Date.now(), order.timeZone ?? 'America/New_York'),
  };
}

export const sendPdf = (res: Response, bytes: Buffer, filename: string) =>
  res
    .status(200)
    .type('application/pdf')
    .set('Cache-Control', 'no-store')
    .set('Content-Disposition', `inline; filename="${filename}"`)
    .send(bytes);

export function loaRouter(deps: LoaRouteDeps): Router {
  const { store } = deps;
  const router = Router();
  router.use(rememberRouteBase);

  const loadVisible = async (req: Request) => {
    const order = (await store.models.Order.findById(String(req.params.id)).lean()) as StoredOrder | null;
    if (!order || !canSee(principalOf(req), order.accountId)) throw notFound('port-in order');
    return order;
  };

  router.get('/:id/loa', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisible(req);
    const owner = principalOf(req).role === 'customer';
    const content = loaContent(await loaFactsOf(order, deps, owner));
    sendPdf(res, await renderLoaPdf(content), `loa-${order._id}.pdf`);
  });

  router.post('/:id/loa/signature-requests', allow('customer', 'support'), async (req, res) => {
    const body = parse(signatureRequestSchema, req.body ?? {});
    const order = await loadVisible(req);
    if (order.status !== 'draft')
      throw new HttpProblem(
        409,
        'not_a_draft',
        `the order is ${order.status}; only a draft's LOA can be signed`,
      );
    const signerName = authorizedName(order.draft.authorizedPerson ?? {});
    if (!signerName)
      throw new HttpProblem(422, 'invalid_request', 'the order names no authorized person to sign', [
        { code: 'required', field: 'authorizedPerson', message: 'name the authorized person first' },
      ]);
    if (!deps.mailer || !deps.publicUrl)
      throw new HttpProblem(503, 'dependency_unavailable', 'no mail service is configured for signing links');
    // The order's notification email by default, judged by submit's rule: a draft may hold one that
    // is no address, which the mail service would only refuse after the request was stored.
    const notificationEmail = body.email ? [] : problemsOfFields(order.draft, ['notificationEmail']);
    if (notificationEmail.length)
      throw new HttpProblem(
        422,
        notificationEmail[0]!.code,
        'the order’s notification email cannot receive the link: correct it, or name an email',
        notificationEmail,
      );
    const id = `sig_${randomUUID().replace(/-/g, '')}`;
    const email = body.email ?? order.draft.notificationEmail;
    const expiresAt = Date.now() + SIGNING_LINK_TTL_MS;
    await createSignatureRequest(store, {
      _id: id,
      orderId: order._id,
      email,
      expiresAt: new Date(expiresAt),
    });
    const token = sealLink(deps.cipher, { r: id, o: order._id, e: expiresAt });
    await deps.mailer.send({
      kind: 'loa_signature_request',
      orderId: order._id,
      ...(order.customerReference ? { customerReference: order.customerReference } : {}),
      to: email,
      timeZone: order.timeZone ?? 'America/New_York',
      phoneNumbers: order.phoneNumbers ?? [],
      signerName,
      link: `${deps.publicUrl.replace(/\/$/, '')}/loa-signing/${token}`,
      expiresAt,
      idempotencyKey: `${order._id}:loa-signature:${id}`,
    });
    res.status(201).json({ id, orderId: order._id, email, expiresAt: new Date(expiresAt).toISOString() });
  });

  return router;
}
