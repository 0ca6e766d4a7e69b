/** The intake details as stored on an order: the draft with carrier secrets sealed (never in clear). */
import type { IsoDate } from '../domain/calendar';
import type { PortingChargeLine } from '../domain/porting-charges';
import type { AuthorizedPerson, NumberConfiguration, OrderDocument, ServiceAddress } from '../domain/order';

export interface StoredDraft {
  accountId: string;
  country: 'US' | 'CA' | 'AU';
  customerReference?: string;
  authorizedPerson: AuthorizedPerson;
  serviceAddress: ServiceAddress;
  losingCarrier: {
    name?: string;
    usesAccountNumber?: boolean;
    btn?: string;
    accountNumberSealed?: string;
    pinSealed?: string;
  };
  notificationEmail: string;
  numbers: { phoneNumber: string }[];
  documents: (OrderDocument & { contentType?: string; sha256?: string; size?: number })[];
  requestedPortDate?: IsoDate;
  configuration: NumberConfiguration;
  timeZone?: string;
  projectPort?: boolean;
  requesterIsTollFreeSubscriber?: boolean;
  /** Ported outside business hours at the customer's request (an extra fee; domain/porting-charges.ts). */
  afterHoursPort?: boolean;
  /** Support's quote of the one-time charge per number of a port outside the US and Canada. */
  quotedPortingChargeCents?: number;
}

/** An order document as read with .lean(). */
export interface StoredOrder {
  _id: string;
  accountId: string;
  status: string;
  customerReference?: string | null;
  country: 'US' | 'CA' | 'AU';
  timeZone: string;
  draft: StoredDraft;
  phoneNumbers: string[];
  numbers: Record<string, unknown>[];
  review?: string;
  needsAttention?: boolean;
  waitingFor?: unknown;
  fees?: unknown;
  totalFeesCents?: number;
  /** The porting charges the order carries, decided at submit under its policy (domain/porting-charges.ts). */
  portingCharges?: PortingChargeLine[];
  /**
   * The losing carrier the order was submitted to, decided at submit (the carrier look-up's answer,
   * else the name the draft gave): the workflow's. Absent on drafts, and when neither named one.
   */
  losingCarrierName?: string;
  /** The seq of the last timeline entry written (entries are `orderId:1` .. `orderId:snapshotSeq`). */
  snapshotSeq?: number;
  /** The draft's revision: each change of a draft claims the next one (store/draft-revisions.ts). */
  draftRev?: number;
  submittedAt?: Date;
  /** When the staff review is due: fixed at submit, the workflow's own deadline (store/review-queue.ts). */
  reviewDueAt?: Date;
  workflowId?: string;
  /** Its slot in each order list (store/list-index.ts). */
  listSlots?: Record<string, number>;
  createdAt?: Date;
  updatedAt?: Date;
}
