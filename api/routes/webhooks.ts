/**
 * Customer webhooks: register the endpoint (its signing secret is shown once and kept sealed), read
 * the delivery log, and republish a delivery with its original event id and body.
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { deliverWebhook, type WebhookEventType } from '../../notifications/webhooks';
import type { FieldCipher } from '../../security/field-crypto';
import { checkOutboundUrl } from '../../security/outbound-url';
import type { Store } from '../../store/connection';
import { allow, canSee, principalOf } from '../auth';
import { HttpProblem, notFound, type ProblemDetail } from '../problems';
import { parse } from '../schemas';
import { rememberRouteBase } from '../observability';
import { listDeliveriesQuerySchema, parseQuery, webhookEndpointQuerySchema } from '../list-queries';
import { positionCursor, readPosition } from '../pagination';
import { listNames, readListPage } from '../../store/list-index';

/** Slots read for one page at most (store/list-index.ts): an order's filter on a whole account's list. */
const LIST_READ_BUDGET = 250;

export const webhookEndpointSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).meta({
    description:
      'where events are POSTed. Its host must resolve to public addresses only: loopback, private, ' +
      'link-local, unique-local, CGNAT, multicast, reserved and cloud metadata addresses are refused ' +
      '(422, here and again at each delivery). https only in production.',
  }),
  accountId: z.string().optional(), // support acts for an account
});

export function webhooksRouter(deps: { store: Store; cipher: FieldCipher }): Router {
  const { Account, Notification } = deps.store.models;
  const router = Router();
  router.use(rememberRouteBase);

  const accountFor = (req: Request, requested?: string): string => {
    const p = principalOf(req);
    const accountId = p.role === 'customer' ? p.accountId : requested;
    if (!accountId)
      throw new HttpProblem(422, 'invalid_request', 'support must name the accountId', [
        { code: 'required', field: 'accountId', message: 'required for support' },
      ]);
    return accountId;
  };

  router.put('/webhook-endpoint', allow('customer', 'support'), async (req, res) => {
    const body = parse(webhookEndpointSchema, req.body);
    // Both problems in one answer: where the URL leads, and a support call without its account.
    const problems: ProblemDetail[] = [];
    const destination = await checkOutboundUrl(body.url);
    if (!destination.ok)
      problems.push({ code: destination.refusal, field: 'url', message: destination.message });
    if (principalOf(req).role !== 'customer' && !body.accountId)
      problems.push({ code: 'required', field: 'accountId', message: 'required for support' });
    if (problems.length)
      throw new HttpProblem(422, 'invalid_request', 'the request has problems; see errors', problems);
    const accountId = accountFor(req, body.accountId);
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const updated = await Account.updateOne(
      { _id: accountId },
      { $set: { webhook: { url: body.url, secretSealed: deps.cipher.encrypt(secret) } } },
    );
    if (updated.matchedCount === 0) throw notFound('account');
    // The secret is returned this once: receivers verify the Standard Webhooks signature with it.
    res.json({ url: body.url, secret });
  });

  router.delete('/webhook-endpoint', allow('customer', 'support'), async (req, res) => {
    const accountId = accountFor(req, parseQuery(webhookEndpointQuerySchema, req.query).accountId);
    await Account.updateOne({ _id: accountId }, { $unset: { webhook: 1 } });
    res.status(204).end();
  });

  router.get('/webhook-deliveries', allow('customer', 'support', 'ops'), async (req, res) => {
    const query = parseQuery(listDeliveriesQuerySchema, req.query);
    const p = principalOf(req);
    const accountId = p.role === 'customer' ? p.accountId : query.accountId;
    const { orderId } = query;
    const scope = { channel: 'webhook', accountId, orderId };
    // Newest first from the narrowest list: the order's, else the account's, else everyone's.
    const list = orderId
      ? listNames.deliveriesOfOrder(orderId)
      : accountId
        ? listNames.deliveriesOfAccount(accountId)
        : listNames.allDeliveries;
    const page = await readListPage(deps.store, {
      list,
      from: readPosition(deps.cipher, scope, query.cursor),
      limit: query.limit,
      budget: LIST_READ_BUDGET,
      fetch: (id) => Notification.findById(id).lean(),
      slotsOf: (d) => d.listSlots as Record<string, number> | undefined,
      matches: (d) =>
        d.channel === 'webhook' &&
        (!accountId || d.accountId === accountId) &&
        (!orderId || d.orderId === orderId),
    });
    const items = page.items;
    const nextCursor = positionCursor(deps.cipher, scope, page.next);
    res.json({
      data: items.map((d) => ({
        id: d._id,
        orderId: d.orderId,
        type: d.kind,
        url: d.to,
        status: d.status,
        attempts: d.attempts,
        lastError: d.status === 'failed' ? d.lastError : undefined,
        responseStatus: d.status === 'sent' ? d.providerId : undefined,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      })),
      nextCursor,
    });
  });

  router.post('/webhook-deliveries/:id/republish', allow('customer', 'support'), async (req, res) => {
    const delivery = await Notification.findById(String(req.params.id)).lean();
    if (!delivery || delivery.channel !== 'webhook' || !canSee(principalOf(req), delivery.accountId ?? ''))
      throw notFound('webhook delivery');
    const account = await Account.findById(delivery.accountId).lean();
    if (!account?.webhook?.url || !account.webhook.secretSealed)
      throw new HttpProblem(409, 'no_webhook_endpoint', 'the account has no webhook endpoint registered');
    const result = await deliverWebhook({
      url: account.webhook.url,
      secret: deps.cipher.decrypt(account.webhook.secretSealed),
      eventId: String(delivery._id).replace(/:webhook$/, ''), // the original event id: receivers de-duplicate on it
      type: delivery.kind as WebhookEventType,
      payload: (delivery.payload ?? {}) as Record<string, unknown>,
      timeoutMs: 10_000,
    });
    await Notification.updateOne(
      { _id: delivery._id },
      {
        $set: result.ok
          ? { status: 'sent', providerId: String(result.statusCode), to: account.webhook.url }
          : { status: 'failed', lastError: result.error },
        $inc: { attempts: 1 },
      },
    );
    res
      .status(result.ok ? 200 : 502)
      .json({ id: delivery._id, ok: result.ok, statusCode: result.statusCode, error: result.error });
  });

  return router;
}
