/** GET /v1/active-numbers: completed numbers with their configuration, a page at a time. */
import { Router } from 'express';
import type { FieldCipher } from '../../security/field-crypto';
import type { Store } from '../../store/connection';
import { principalOf } from '../auth';
import { listActiveNumbersQuerySchema, parseQuery } from '../list-queries';
import { rememberRouteBase } from '../observability';
import { pageOf, pageQuery, type SortKey } from '../pagination';

/** By number: the E.164 number is the id, so the order is total without a tie-breaker. */
const ACTIVE_NUMBER_SORT: SortKey[] = [{ field: '_id', direction: 1, type: 'string' }];

export function activeNumbersRouter(deps: { store: Store; cipher: FieldCipher }): Router {
  const router = Router();
  router.use(rememberRouteBase);
  router.get('/', async (req, res) => {
    const query = parseQuery(listActiveNumbersQuerySchema, req.query);
    const p = principalOf(req);
    const accountId = p.role === 'customer' ? p.accountId : query.accountId;
    const filter: Record<string, unknown> = { state: 'active', ...(accountId ? { accountId } : {}) };
    const page = { sort: ACTIVE_NUMBER_SORT, scope: filter, cursor: query.cursor, limit: query.limit };
    const { sort, after } = pageQuery(deps.cipher, page);
    const found = await deps.store.models.ActiveNumber.find({ ...filter, ...after })
      .sort(sort)
      .limit(query.limit + 1)
      .lean();
    const { items, nextCursor } = pageOf(deps.cipher, page, found);
    res.json({
      data: items.map((n) => ({
        phoneNumber: n._id,
        accountId: n.accountId,
        orderId: n.orderId,
        configuration: n.configuration,
        completedAt: n.completedAt,
      })),
      nextCursor,
    });
  });
  return router;
}
