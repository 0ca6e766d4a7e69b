/**
 * Activity implementations, built by a factory from injected dependencies so tests can swap any
 * of them. Each side effect is idempotent: a unique key in the store (charges, notifications,
 * inventory) or an idempotency key passed to the carrier. Carrier secrets are unsealed here, used
 * for the carrier call, and never returned or logged.
 */
import { ApplicationFailure, log } from '@temporalio/activity';
import type { CarrierGateway } from '../carrier/gateway';
import { isCarrierRequestRefused } from '../carrier/gateway';
import type { FieldCipher } from '../security/field-crypto';
import type { Mailer } from '../notifications/mailer';
import { deliverWebhook, webhookDeliveryFailure } from '../notifications/webhooks';
import type { Store } from '../store/connection';
import { isDuplicateKey } from '../store/connection';
import type { StoredOrder } from '../store/draft';
import { endedNumbers, releaseNumbers } from '../store/number-holds';
import { claimSlots } from '../store/list-index';
import { deliveryLists } from '../store/listed-items';
import { expandNumbers, expandWaitingFor, type SnapshotNumber } from '../workflows/snapshot-delta';
import type { PortInActivities } from './types';
import { emailFor, webhookTypeFor } from './notices';

/** The distinct FOC dates of an order's numbers (indexed: the API lists orders by FOC date). */
const focDatesOf = (numbers: readonly { focDate?: string | null }[]) => [
  ...new Set(numbers.map((n) => n.focDate).filter((d): d is string => Boolean(d))),
];

export interface ActivityDeps {
  store: Store;
  carrier: CarrierGateway;
  mailer: Mailer;
  cipher: FieldCipher;
  opsAlertEmail: string;
}

/**
 * A carrier refusal fails the activity for good, carrying the carrier's code (the workflow tells a
 * rejection reason from other refusals by it). `secrets` are masked out of the carrier's message,
 * which may echo what it was sent and ends up in the workflow history and the order's timeline.
 */
const refusedByCarrier =
  (...secrets: (string | undefined)[]) =>
  (err: unknown): never => {
    if (!isCarrierRequestRefused(err)) throw err;
    let message = err.message;
    for (const secret of secrets) if (secret) message = message.split(secret).join('***');
    throw ApplicationFailure.create({
      message,
      type: 'CarrierRequestRefused',
      nonRetryable: true,
      details: [{ code: err.code }],
    });
  };

export function createActivities({
  store,
  carrier,
  mailer,
  cipher,
  opsAlertEmail,
}: ActivityDeps): PortInActivities {
  const { Order, OrderEvent, Account, ActiveNumber, Charge, Notification } = store.models;

  const loadOrder = async (orderId: string) => {
    const order = (await Order.findById(orderId).lean()) as StoredOrder | null;
    if (!order)
      throw ApplicationFailure.nonRetryable(`order ${orderId} not found in the store`, 'OrderNotFound');
    return order;
  };
  const unseal = (sealed: unknown) =>
    typeof sealed === 'string' && sealed ? cipher.decrypt(sealed) : undefined;

  /** Runs `send` once per key: a finished record means it already happened (activity retried or replayed). */
  const once = async (
    id: string,
    fields: Record<string, unknown>,
    send: () => Promise<string | undefined>,
  ) => {
    const existing = await Notification.findById(id).lean();
    if (existing?.status === 'sent') return;
    // A webhook delivery is listed from its first attempt on (store/list-index.ts): its slots are
    // kept only by the write that creates the record, so a racing attempt's slots are skipped.
    const listed =
      !existing && fields.channel === 'webhook'
        ? {
            $setOnInsert: {
              listSlots: await claimSlots(
                store,
                deliveryLists(fields.accountId as string | undefined, fields.orderId as string | undefined),
                id,
                new Date(),
              ),
            },
          }
        : {};
    try {
      const providerId = await send();
      await Notification.updateOne(
        { _id: id },
        { $set: { ...fields, status: 'sent', providerId }, $inc: { attempts: 1 }, ...listed },
        { upsert: true },
      );
    } catch (err) {
      await Notification.updateOne(
        { _id: id },
        {
          $set: { ...fields, status: 'failed', lastError: String((err as Error).message) },
          $inc: { attempts: 1 },
          ...listed,
        },
        { upsert: true },
      );
      throw err;
    }
  };

  const emailCustomer: PortInActivities['emailCustomer'] = async ({ orderId, notice, idempotencyKey }) => {
    const order = await loadOrder(orderId);
    const account = await Account.findById(order.accountId).lean();
    const to = order.draft.notificationEmail ?? account?.notificationEmail;
    const envelope = {
      orderId,
      to,
      timeZone: order.timeZone ?? 'America/New_York',
      ...(order.customerReference ? { customerReference: order.customerReference } : {}),
    };
    await once(
      `${idempotencyKey}:email`,
      { orderId, channel: 'email', kind: notice.kind, to },
      async () => (await mailer.send({ ...emailFor(notice, envelope), idempotencyKey })).messageId,
    );
  };

  const sendCustomerWebhook: PortInActivities['sendCustomerWebhook'] = async ({
    orderId,
    notice,
    idempotencyKey,
    occurredAt,
  }) => {
    const order = await loadOrder(orderId);
    const hook = (await Account.findById(order.accountId).lean())?.webhook;
    if (!hook?.url || !hook.secretSealed) return; // no endpoint: nothing to send, nothing to retry
    const type = webhookTypeFor(notice);
    const payload = { orderId, ...notice };
    await once(
      `${idempotencyKey}:webhook`,
      { orderId, accountId: order.accountId, channel: 'webhook', kind: type, to: hook.url, payload },
      async () => {
        const result = await deliverWebhook({
          url: hook.url!,
          secret: cipher.decrypt(hook.secretSealed!),
          eventId: idempotencyKey,
          type,
          payload,
          timeoutMs: 10_000,
          ...(occurredAt ? { createdAt: occurredAt } : {}),
        });
        // A destination refused by policy fails for good; any other failure is retried.
        if (!result.ok) throw webhookDeliveryFailure(result);
        return String(result.statusCode);
      },
    );
  };

  return {
    async runAutomaticChecks({ orderId }) {
      const order = await loadOrder(orderId);
      const numbers = order.phoneNumbers ?? [];
      const lookups = await carrier.lookupNumbers(numbers);
      const problems = lookups
        .filter((l) => !l.portableAtCarrier)
        .map((l) => `${l.phoneNumber}: not portable at the carrier`);
      // One _id read per number: `$in` is a scan of every number ever activated (docs/store.md).
      const alreadyActive = (
        await Promise.all(numbers.map((phoneNumber) => ActiveNumber.findById(phoneNumber).lean()))
      ).filter((a) => a !== null);
      problems.push(...alreadyActive.map((a) => `${a._id}: already on our platform`));
      return { clean: problems.length === 0, problems };
    },

    async submitToCarrier({ orderId, attempt, phoneNumbers, requestedPortDate }) {
      const order = await loadOrder(orderId);
      const { draft } = order;
      const losing = draft.losingCarrier ?? {};
      const accountNumber = unseal(losing.accountNumberSealed);
      const pin = unseal(losing.pinSealed);
      const { carrierRequestId } = await carrier
        .submitPortRequest({
          idempotencyKey: `${orderId}:submit:${attempt}`,
          orderId,
          attempt,
          country: order.country,
          phoneNumbers,
          authorizedPerson: draft.authorizedPerson,
          serviceAddress: draft.serviceAddress,
          accountNumber,
          pin,
          btn: losing.btn,
          ...(requestedPortDate ? { requestedPortDate } : {}),
        })
        .catch(refusedByCarrier(accountNumber, pin));
      log.info('submitted to carrier', { orderId, attempt, numbers: phoneNumbers.length });
      return { carrierRequestId };
    },

    async queryCarrier({ orderId }) {
      return (await carrier.queryPortRequest(orderId)).map((s) => ({ ...s }));
    },

    async cancelAtCarrier(input) {
      await carrier.cancelPortRequest(input).catch(refusedByCarrier());
    },

    async changeDateAtCarrier(input) {
      return carrier.changePortDate(input).catch(refusedByCarrier());
    },

    async activateNumbers({ orderId, phoneNumbers }) {
      const order = await loadOrder(orderId);
      const configuration = order.draft.configuration ?? {};
      // Upsert keyed by number: a retry re-applies the same state.
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.updateOne(
            { _id: phoneNumber, state: { $ne: 'active' } },
            {
              $set: {
                accountId: order.accountId,
                orderId,
                configuration,
                state: 'activated',
                activatedAt: new Date(),
              },
            },
            { upsert: true },
          ).catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err))),
        ),
      );
    },

    async deactivateNumbers({ orderId, phoneNumbers }) {
      // Only what this order activated and did not complete: a retry finds nothing left to remove.
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.deleteOne({ _id: phoneNumber, orderId, state: 'activated' }),
        ),
      );
    },

    async testCapabilities({ orderId, phoneNumbers, idempotencyKey }) {
      const order = await loadOrder(orderId);
      const capabilities = order.draft.configuration?.capabilities === 'voice' ? 'voice' : 'voice+sms';
      return carrier.testCapabilities({
        idempotencyKey,
        numbers: phoneNumbers.map((phoneNumber) => ({ phoneNumber, capabilities })),
      });
    },

    async completeNumbers({ orderId, phoneNumbers }) {
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.updateOne(
            { _id: phoneNumber, orderId },
            { $set: { state: 'active', completedAt: new Date() } },
          ),
        ),
      );
    },

    async chargeFees({ orderId, charges, idempotencyKey }) {
      const order = await loadOrder(orderId);
      for (const c of charges) {
        await Charge.create({
          _id: `${idempotencyKey}:${c.phoneNumber}`,
          orderId,
          accountId: order.accountId,
          phoneNumber: c.phoneNumber,
          reason: c.reason,
          amountCents: c.feeCents,
          currency: 'USD',
        }).catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err)));
      }
    },

    emailCustomer,
    sendCustomerWebhook,
    async notifyCustomer(input) {
      await emailCustomer(input);
      await sendCustomerWebhook(input);
    },

    async alertOps({ orderId, reason, details, idempotencyKey }) {
      // The alert is a structured warn-level log line (what log-based alerting watches) plus a ledger
      // record; the order also carries NeedsAttention in the Temporal UI.
      log.warn('ops alert', { orderId, reason, details, alertTo: opsAlertEmail });
      await Notification.updateOne(
        { _id: `${idempotencyKey}:ops` },
        {
          $setOnInsert: {
            orderId,
            channel: 'ops',
            kind: reason,
            to: opsAlertEmail,
            status: 'sent',
            lastError: details,
          },
        },
        { upsert: true },
      );
    },

    async persistSnapshot(input) {
      const { snapshot } = input;
      const seq = snapshot.transitions.length ? snapshot.transitions[snapshot.transitions.length - 1].seq : 0;
      // The timeline first, then the order: the order's snapshotSeq then says "timeline written up to
      // here", so each call writes only the entries that are new since the last one (not the whole
      // timeline again), and a retry after a failure in between writes them again.
      const stored = await Order.findById(
        snapshot.orderId,
        input.changedNumbersOnly ? { snapshotSeq: 1, numbers: 1 } : { snapshotSeq: 1 },
      ).lean();
      const writtenUpTo = stored?.snapshotSeq ?? -1;
      const events = snapshot.transitions
        .filter((t) => t.seq > writtenUpTo)
        .map((t) => ({
          updateOne: {
            filter: { _id: `${snapshot.orderId}:${t.seq}` },
            update: {
              $setOnInsert: {
                orderId: snapshot.orderId,
                seq: t.seq,
                at: new Date(t.at),
                type: t.type,
                phoneNumbers: t.phoneNumbers,
                detail: t.detail,
              },
            },
            upsert: true,
          },
        }));
      if (events.length) await OrderEvent.bulkWrite(events, { ordered: false });
      const orderLevel = {
        status: snapshot.status,
        needsAttention: snapshot.needsAttention,
        review: snapshot.review,
        snapshotSeq: seq,
      };
      let numbersWritten: SnapshotNumber[];
      if (!input.changedNumbersOnly) {
        numbersWritten = input.snapshot.numbers;
        // Monotonic: an older snapshot (a retried activity overtaken by a newer one) never overwrites a newer one.
        await Order.updateOne(
          { _id: snapshot.orderId, snapshotSeq: { $lte: seq } },
          {
            $set: {
              status: snapshot.status,
              numbers: input.snapshot.numbers,
              focDates: focDatesOf(input.snapshot.numbers),
              needsAttention: snapshot.needsAttention,
              waitingFor: input.snapshot.waitingFor,
              fees: input.snapshot.fees,
              totalFeesCents: input.snapshot.totalFeesCents,
              review: snapshot.review,
              snapshotSeq: seq,
            },
          },
        );
      } else {
        const delta = input.snapshot;
        numbersWritten = expandNumbers(delta.numbers);
        const set = {
          ...orderLevel,
          ...(delta.waitingFor ? { waitingFor: expandWaitingFor(delta.waitingFor) } : {}),
          ...(delta.fees ? { fees: delta.fees, totalFeesCents: delta.totalFeesCents } : {}),
        };
        // A delta: merge the changed numbers into the stored ones and write them back, compare-and-set
        // on the snapshotSeq just read, so a concurrent write (an earlier attempt still running) is
        // never lost: on a mismatch read again. A stored seq above this one means this delta (and a
        // newer one) was applied already; an equal one that this delta was (a retry re-applies it).
        const changed = new Map(numbersWritten.map((n) => [n.phoneNumber, n]));
        let current = stored;
        for (let round = 0; current && (current.snapshotSeq ?? -1) <= seq; round += 1) {
          const known = new Set(current.numbers.map((n) => n.phoneNumber));
          const numbers = [
            ...current.numbers.map((n) => changed.get(n.phoneNumber) ?? n),
            ...numbersWritten.filter((n) => !known.has(n.phoneNumber)),
          ];
          const { matchedCount } = await Order.updateOne(
            { _id: snapshot.orderId, snapshotSeq: current.snapshotSeq ?? { $exists: false } },
            { $set: { ...set, numbers, focDates: focDatesOf(numbers) } },
          );
          if (matchedCount) break;
          if (round >= 4)
            throw new Error(`persistSnapshot: ${snapshot.orderId} kept changing under a delta write`);
          current = await Order.findById(snapshot.orderId, { snapshotSeq: 1, numbers: 1 }).lean();
        }
      }
      // Numbers that ended free their holds (only this order's: a retry or an older snapshot changes
      // nothing). A delta names every number whose status changed, so each ended one at least once.
      await releaseNumbers(store, snapshot.orderId, endedNumbers(numbersWritten));
    },
  };
}
