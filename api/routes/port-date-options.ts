/**
 * GET /v1/port-in-orders/{id}/port-date-options: the dates that may be asked for now, from the same
 * rule intake and the port-date change apply (domain/port-dates.ts). On a draft: requested port
 * dates, from the carrier's lead time. Once submitted: the dates a port-date change may move to (not
 * before a granted FOC), each with the fee the change would cost if requested now: the workflow's own
 * quote, as GET …/cancellation-quote answers it (the fee depends on how near the current FOC is, not
 * on the date chosen, so it is the same for every date).
 */
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { localDate } from '../../domain/calendar';
import {
  CARRIER_LEAD_BUSINESS_DAYS,
  PORT_DATE_HORIZON_DAYS,
  portDateOptions,
  type PortDateOptions,
} from '../../domain/port-dates';
import { mayStillChange } from '../../domain/lifecycle';
import { isClosedOrderStatus } from '../../domain/statuses';
import type { ChangeQuote } from '../../domain/fees';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import { changeQuoteQuery, statusQuery, workflowIdFor, type OrderSnapshot } from '../../workflows/messages';
import { allow, principalOf } from '../auth';
import { rememberRouteBase } from '../observability';
import { zoneOf } from '../submission-check';
import { loadVisibleOrder } from './order-access';

/** What the dates are for: a draft's requested port date, a port-date change, or nothing any more. */
type Purpose = 'requested_port_date' | 'port_date_change' | 'none';

/** Numbers a port-date change still moves: neither activated, ported nor finished (rejected ones are given up, not moved). */
const movable = (n: OrderSnapshot['numbers'][number]) =>
  mayStillChange({ status: n.status, activated: n.activated, ported: n.ported });

export function portDateOptionsRouter(deps: { store: Store; temporal: Client }): Router {
  const router = Router();
  router.use(rememberRouteBase);

  router.get('/:id/port-date-options', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisibleOrder(deps.store, req);
    const now = Date.now();
    const today = localDate(now, zoneOf(order));
    const answer = (purpose: Purpose, options?: PortDateOptions, quote?: ChangeQuote, focDate?: string) =>
      res.json({
        orderId: order._id,
        status: order.status,
        purpose,
        country: order.country,
        timeZone: zoneOf(order),
        today,
        leadBusinessDays: CARRIER_LEAD_BUSINESS_DAYS,
        horizonDays: PORT_DATE_HORIZON_DAYS,
        ...(order.draft.requestedPortDate ? { requestedPortDate: order.draft.requestedPortDate } : {}),
        ...(focDate ? { focDate } : {}),
        ...(options ? { earliest: options.earliest, latest: options.latest } : {}),
        dates: (options?.dates ?? []).map((date) => ({
          date,
          ...(quote ? { feeCents: quote.totalCents } : {}),
        })),
        holidays: options?.holidays ?? [],
        ...(quote ? { quote } : {}),
      });

    if (order.status === 'draft')
      return answer('requested_port_date', portDateOptions({ country: order.country, today }));
    if (isClosed(order)) return answer('none');
    const handle = deps.temporal.workflow.getHandle(workflowIdFor(order._id));
    let snapshot: OrderSnapshot;
    try {
      snapshot = await handle.query(statusQuery);
    } catch (err) {
      if ((err as Error).name === 'WorkflowNotFoundError') return answer('none');
      throw err;
    }
    const numbers = snapshot.numbers.filter(movable);
    if (numbers.length === 0) return answer('none');
    // The change validator's FOC: the latest one granted to the numbers it would move.
    const focDate = numbers
      .map((n) => n.focDate)
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    const quote = await handle.query(changeQuoteQuery, {
      role: principalOf(req).role,
      asOf: now,
      phoneNumbers: numbers.map((n) => n.phoneNumber),
    });
    const options = portDateOptions({ country: order.country, today, ...(focDate ? { focDate } : {}) });
    return answer('port_date_change', options, quote, focDate);
  });

  return router;
}

const isClosed = (order: StoredOrder) => isClosedOrderStatus(order.status);
