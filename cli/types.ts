/**
 * The response shapes portctl reads (api/order-view.ts, api/openapi.ts). Only the fields it shows:
 * `--json` prints whatever the API sent, so new fields reach scripts without a CLI change.
 */
export interface NumberView {
  phoneNumber: string;
  status: string;
  focDate?: string;
  activationAt?: string;
  activated?: boolean;
  attempt?: number;
  rejection?: { code: string; resubmitBy?: string };
  cancellation?: { by: string; feeCents: number };
}

export interface OrderView {
  id: string;
  accountId: string;
  status: string;
  customerReference?: string;
  country?: string;
  timeZone?: string;
  review?: string;
  needsAttention?: boolean;
  waitingFor?: { what: string; until?: string }[];
  losingCarrier?: { name?: string; accountNumber?: string; pin?: string; btn?: string };
  requestedPortDate?: string;
  /** Every number of the order, drafts included. */
  phoneNumbers?: string[];
  numbers?: NumberView[];
  fees?: { phoneNumber: string; feeCents: number; reason?: string; at?: string }[];
  totalFeesCents?: number;
  submittedAt?: string;
  updatedAt?: string;
}

export interface OrderPage {
  data: OrderView[];
  nextCursor: string | null;
}

export interface OrderEvent {
  seq: number;
  at: string;
  type: string;
  phoneNumbers?: string[];
  detail?: string;
}

export interface ChangeQuote {
  currency: string;
  numbers: {
    phoneNumber: string;
    window: string;
    feeCents: number;
    allowedRoles: string[];
    hoursUntilPort?: number;
    refusal?: string;
  }[];
  totalCents: number;
  allowed: boolean;
}

export interface FeeResult {
  currency: string;
  numbers: { phoneNumber: string; feeCents: number }[];
  totalCents: number;
  focDate?: string;
  /** The order as the action left it. */
  order?: OrderView;
}
