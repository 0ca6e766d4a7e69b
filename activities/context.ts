/**
 * What every party's activities share: their injected dependencies (tests swap any of them) and
 * reading the stored order they act for.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { CarrierGateway } from '../carrier/gateway';
import type { Mailer } from '../notifications/mailer';
import type { FieldCipher } from '../security/field-crypto';
import type { Store } from '../store/connection';
import type { StoredOrder } from '../store/draft';

export interface ActivityDeps {
  store: Store;
  carrier: CarrierGateway;
  mailer: Mailer;
  cipher: FieldCipher;
  opsAlertEmail: string;
}

/** Reads the order by `_id`; a missing order fails the activity for good (retrying finds nothing). */
export const orderLoader =
  (store: Store) =>
  async (orderId: string): Promise<StoredOrder> => {
    const order = (await store.models.Order.findById(orderId).lean()) as StoredOrder | null;
    if (!order)
      throw ApplicationFailure.nonRetryable(`order ${orderId} not found in the store`, 'OrderNotFound');
    return order;
  };
