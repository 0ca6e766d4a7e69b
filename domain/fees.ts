/**
 * Cancellation and port-date-change ("supp") windows and fees (rulebook section 6).
 * `h` is measured from `now` (workflow time) to the confirmed port time: midnight of the FOC date, local.
 */
export type ActorRole = 'customer' | 'support' | 'ops';

/** Fees per number in USD cents; carriers change them, so the schedule is configurable. */
export interface FeeSchedule {
  currency: 'USD';
  /** Submitted to the carrier, no FOC yet; or FOC 48 h or more away. */
  standardCents: number;
  /** FOC between 24 h and 48 h away (both inclusive). */
  within48hCents: number;
  /** FOC less than 24 h away. */
  within24hCents: number;
}

export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  currency: 'USD',
  standardCents: 13_00,
  within48hCents: 98_00,
  within24hCents: 520_00,
};

export type ChangeWindow =
  | 'not_submitted' // draft or in review: free
  | 'submitted_no_foc'
  | 'foc_72h_or_more'
  | 'foc_48h_to_72h'
  | 'foc_24h_to_48h'
  | 'foc_under_24h'
  | 'rejected' // rejected, still inside its resubmission window: nothing scheduled at the carrier, free
  | 'closed'; // activated, ported, completed or otherwise terminal: nobody

export const HOUR_MS = 3_600_000;

export interface NumberChangeState {
  submittedToCarrier: boolean;
  /** Epoch ms of midnight of the FOC date in the order's zone, when an FOC is set. */
  activationAt?: number;
  /** True once the number was activated, ported, completed or canceled, or rejected for good. */
  closed: boolean;
  /**
   * Rejected and still waiting for a resubmission (not `closed`): the customer may rather give it
   * up, so the order can close now instead of at the end of the window.
   */
  awaitingResubmission?: boolean;
}

export function changeWindow(state: NumberChangeState, now: number): ChangeWindow {
  if (state.closed) return 'closed';
  if (state.awaitingResubmission) return 'rejected';
  if (!state.submittedToCarrier) return 'not_submitted';
  if (state.activationAt === undefined) return 'submitted_no_foc';
  const h = (state.activationAt - now) / HOUR_MS;
  if (h <= 0) return 'closed'; // the activation instant has come: the number is being activated
  if (h >= 72) return 'foc_72h_or_more';
  if (h > 48) return 'foc_48h_to_72h';
  if (h >= 24) return 'foc_24h_to_48h';
  return 'foc_under_24h';
}

export function rolesAllowed(window: ChangeWindow): ActorRole[] {
  switch (window) {
    case 'not_submitted':
    case 'rejected':
    case 'submitted_no_foc':
    case 'foc_72h_or_more':
      return ['customer', 'support'];
    case 'foc_48h_to_72h':
    case 'foc_24h_to_48h':
    case 'foc_under_24h':
      return ['support'];
    case 'closed':
      return [];
  }
}

export function feeCents(window: ChangeWindow, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): number {
  switch (window) {
    case 'not_submitted':
    case 'rejected':
    case 'closed':
      return 0;
    case 'submitted_no_foc':
    case 'foc_72h_or_more':
    case 'foc_48h_to_72h':
      return schedule.standardCents;
    case 'foc_24h_to_48h':
      return schedule.within48hCents;
    case 'foc_under_24h':
      return schedule.within24hCents;
  }
}

export type ChangeRefusal = 'number_closed' | 'customer_inside_72h' | 'role_not_allowed';

export interface NumberQuote {
  phoneNumber: string;
  window: ChangeWindow;
  feeCents: number;
  allowedRoles: ActorRole[];
  /** Hours until the activation instant, when an FOC is set. */
  hoursUntilPort?: number;
  refusal?: ChangeRefusal;
}

export interface ChangeQuote {
  currency: FeeSchedule['currency'];
  numbers: NumberQuote[];
  totalCents: number;
  /** True when `role` may make the change for every quoted number now. */
  allowed: boolean;
}

export function refusalFor(window: ChangeWindow, role: ActorRole): ChangeRefusal | undefined {
  if (window === 'closed') return 'number_closed';
  if (rolesAllowed(window).includes(role)) return undefined;
  return role === 'customer' ? 'customer_inside_72h' : 'role_not_allowed';
}

/** Quotes a cancellation or port-date change of some numbers, for a role, at `now`. */
export function quoteChange(
  numbers: ReadonlyArray<{ phoneNumber: string } & NumberChangeState>,
  role: ActorRole,
  now: number,
  schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE,
): ChangeQuote {
  const quoted = numbers.map((n): NumberQuote => {
    const window = changeWindow(n, now);
    const refusal = refusalFor(window, role);
    return {
      phoneNumber: n.phoneNumber,
      window,
      feeCents: feeCents(window, schedule),
      allowedRoles: rolesAllowed(window),
      ...(n.activationAt !== undefined ? { hoursUntilPort: (n.activationAt - now) / HOUR_MS } : {}),
      ...(refusal ? { refusal } : {}),
    };
  });
  return {
    currency: schedule.currency,
    numbers: quoted,
    totalCents: quoted.reduce((sum, q) => sum + q.feeCents, 0),
    allowed: quoted.length > 0 && quoted.every((q) => !q.refusal),
  };
}
