/**
 * GET /v1/me: who the API key is (role, account, key name). The console asks it at sign-in to
 * show the pages of the caller's role; any valid key may call it, and it reveals nothing the key's
 * holder does not already know.
 */
import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth';
import { rememberRouteBase } from '../observability';

export const meSchema = z
  .object({
    role: z.enum(['customer', 'support', 'ops']).meta({
      description:
        '`customer`: its own account’s orders; `support`: every account, review and staff actions; `ops`: read-only',
    }),
    accountId: z.string().optional().meta({ description: 'customers only: the account the key belongs to' }),
    keyName: z.string().meta({ description: 'the key’s name, as its owner named it' }),
  })
  .strict()
  .meta({ id: 'Me', description: 'the caller, as its API key identifies it' });

export function meRouter(): Router {
  const router = Router();
  router.use(rememberRouteBase);
  router.get('/me', (req, res) => {
    const { role, accountId, keyName } = principalOf(req);
    res.json(meSchema.parse({ role, ...(accountId ? { accountId } : {}), keyName }));
  });
  return router;
}
