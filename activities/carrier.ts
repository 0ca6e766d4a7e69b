/**
 * Activities that talk to the losing carrier through its gateway. A refusal (its HTTP 4xx) fails the
 * activity for good with the type `CARRIER_REFUSED`, carrying the carrier's code; carrier secrets
 * are unsealed here, used for the carrier call, and never returned or logged.
 */
import { ApplicationFailure, log } from '@temporalio/activity';
import { isCarrierRequestRefused } from '../carrier/gateway';
import { orderLoader, type ActivityDeps } from './context';
import { CARRIER_REFUSED, type CarrierActivities } from './types';

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
      type: CARRIER_REFUSED,
      nonRetryable: true,
      details: [{ code: err.code }],
    });
  };

export function carrierActivities({ store, carrier, cipher }: ActivityDeps): CarrierActivities {
  const { ActiveNumber } = store.models;
  const loadOrder = orderLoader(store);
  const unseal = (sealed: unknown) =>
    typeof sealed === 'string' && sealed ? cipher.decrypt(sealed) : undefined;

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
          ...(draft.afterHoursPort === true ? { afterHoursPort: true } : {}),
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

    async testCapabilities({ orderId, phoneNumbers, idempotencyKey }) {
      const order = await loadOrder(orderId);
      const capabilities = order.draft.configuration?.capabilities === 'voice' ? 'voice' : 'voice+sms';
      return carrier.testCapabilities({
        idempotencyKey,
        numbers: phoneNumbers.map((phoneNumber) => ({ phoneNumber, capabilities })),
      });
    },
  };
}
