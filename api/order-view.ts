/** The order as the API shows it: secrets masked, status derived from the numbers. */
import { mask, type FieldCipher } from '../security/field-crypto';
import type { StoredOrder } from '../store/draft';

export function orderView(order: StoredOrder, cipher: FieldCipher) {
  const { draft } = order;
  const losing = draft.losingCarrier ?? {};
  const unsealMasked = (sealed?: string) => (sealed ? mask(cipher.decrypt(sealed)) : undefined);
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
    authorizedPerson: draft.authorizedPerson,
    serviceAddress: draft.serviceAddress,
    losingCarrier: {
      name: losing.name,
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
    numbers: order.numbers ?? [],
    fees: order.fees ?? [],
    totalFeesCents: order.totalFeesCents ?? 0,
    submittedAt: order.submittedAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
