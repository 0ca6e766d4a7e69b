/** The order as the API shows it: secrets masked, status derived from the numbers. */
import { portingCharges, type PortingChargeLine } from '../domain/porting-charges';
import { mask, type FieldCipher } from '../security/field-crypto';
import type { StoredOrder } from '../store/draft';
import { reviewDueAt } from '../store/review-queue';
import { numbersView, type Viewer } from './number-view';

/**
 * The masked form of each sealed secret, by cipher and sealed text: an order is read far more often
 * than its secrets change, and only the mask (never the secret) is kept. Bounded; the oldest go first.
 */
const MASKS_MAX = 10_000;
const masks = new WeakMap<FieldCipher, Map<string, string | undefined>>();

function maskedOf(cipher: FieldCipher, sealed: string): string | undefined {
  let known = masks.get(cipher);
  if (!known) masks.set(cipher, (known = new Map()));
  if (known.has(sealed)) return known.get(sealed);
  const masked = mask(cipher.decrypt(sealed));
  if (known.size >= MASKS_MAX) known.delete(known.keys().next().value!);
  known.set(sealed, masked);
  return masked;
}

/**
 * The porting charges the order carries (recorded in `fees` once each number is ported): a draft's as
 * the rule prices it now, a submitted order's as decided at submit (none for orders submitted before).
 */
const portingChargesOf = (order: StoredOrder): PortingChargeLine[] =>
  order.status === 'draft'
    ? portingCharges({
        country: order.country,
        phoneNumbers: order.phoneNumbers ?? [],
        afterHoursPort: order.draft.afterHoursPort === true,
        ...(order.draft.quotedPortingChargeCents !== undefined
          ? { quotedPortingChargeCents: order.draft.quotedPortingChargeCents }
          : {}),
      })
    : (order.portingCharges ?? []);

/** The order as `viewer` sees it now: each number with the actions the viewer may take on it. */
export function orderView(order: StoredOrder, cipher: FieldCipher, viewer: Viewer) {
  const { draft } = order;
  const losing = draft.losingCarrier ?? {};
  const unsealMasked = (sealed?: string) => (sealed ? maskedOf(cipher, sealed) : undefined);
  return {
    id: order._id,
    accountId: order.accountId,
    status: order.status,
    customerReference: order.customerReference ?? undefined,
    country: order.country,
    timeZone: order.timeZone,
    review: order.review,
    needsAttention: order.needsAttention ?? false,
    waitingFor: order.waitingFor ?? [],
    reviewDueAt: reviewDueAt(order, viewer.reviewSlaMs),
    authorizedPerson: draft.authorizedPerson,
    serviceAddress: draft.serviceAddress,
    losingCarrier: {
      // Once submitted, the carrier the order was submitted to (submit decides it: the look-up's first).
      name: order.losingCarrierName ?? losing.name,
      usesAccountNumber: losing.usesAccountNumber,
      accountNumber: unsealMasked(losing.accountNumberSealed),
      pin: unsealMasked(losing.pinSealed),
      btn: losing.btn,
    },
    notificationEmail: draft.notificationEmail,
    requestedPortDate: draft.requestedPortDate,
    configuration: draft.configuration,
    documents: draft.documents ?? [],
    // Every number the order holds, drafts included (`numbers` carries their statuses once submitted).
    phoneNumbers: order.phoneNumbers ?? [],
    numbers: numbersView(order, viewer),
    fees: order.fees ?? [],
    totalFeesCents: order.totalFeesCents ?? 0,
    afterHoursPort: draft.afterHoursPort === true,
    quotedPortingChargeCents: draft.quotedPortingChargeCents,
    portingCharges: portingChargesOf(order),
    submittedAt: order.submittedAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
