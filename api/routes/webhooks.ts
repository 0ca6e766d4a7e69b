/**
 * Customer webhooks: register the endpoint (its signing secret is shown once and kept sealed), read
 * the delivery log, and republish a delivery with its original event id and body.
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { deliverWebhook, type WebhookEventType } from '../../notifications/webhooks';
import type { FieldCipher } from '../../security/field-crypto';
import type { Store } from '../../store/connection';
import { allow, canSee, principalOf } from '../auth';
import { HttpProblem, notFound } from '../problems';
import { parse } from '../schemas';
import { rememberRouteBase } from '../observability';

export const webhookEndpointSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
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
    const accountId = accountFor(req, req.query.accountId ? String(req.query.accountId) : undefined);
    await Account.updateOne({ _id: accountId }, { $unset: { webhook: 1 } });
    res.status(204).end();
  });

  router.get('/webhook-deliveries', allow('customer', 'support', 'ops'), async (req, res) => {
    const p = principalOf(req);
    const filter: Record<string, unknown> = { channel: 'webhook' };
    if (p.role === 'customer') filter.accountId = p.accountId;
    else if (req.query.accountId) filter.accountId = String(req.query.accountId);
    if (req.query.orderId) filter.orderId = String(req.query.orderId);
    const deliveries = await Notification.find(filter).sort({ createdAt: -1 }).limit(100).lean();
    res.json({
      data: deliveries.map((d) => ({
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
          : { status: 'failed', lastError: result.error ?? `HTTP ${result.statusCode}` },
        $inc: { attempts: 1 },
      },
    );
    res
      .status(result.ok ? 200 : 502)
      .json({ id: delivery._id, ok: result.ok, statusCode: result.statusCode, error: result.error });
  });

  return router;
}
