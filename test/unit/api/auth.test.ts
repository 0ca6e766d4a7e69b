import express from 'express';
import request from 'supertest';
import { authenticate, principalOf } from '../../../api/auth';
import { errorHandler } from '../../../api/problems';
import { hashApiKey, type Store } from '../../../store/connection';

/** A store holding one key, counting how often the key collection is read. */
function storeWithKey(key: string) {
  const reads: string[] = [];
  const keys = new Map([[hashApiKey(key), { role: 'customer', accountId: 'acct_1', name: 'demo' }]]);
  const store = {
    models: {
      ApiKey: {
        findById: (id: string) => {
          reads.push(id);
          return { lean: async () => keys.get(id) ?? null };
        },
      },
    },
  } as unknown as Store;
  return { store, reads };
}

function appWith(store: Store, ttlMs?: number) {
  const app = express();
  app.use(authenticate(store, ttlMs));
  app.get('/who', (req, res) => res.json(principalOf(req)));
  app.use(errorHandler);
  return app;
}

describe('API key authentication', () => {
  it('reads a known key from the store once per TTL, not once per request', async () => {
    const { store, reads } = storeWithKey('k1');
    const app = appWith(store);
    for (let i = 0; i < 5; i++) {
      const res = await request(app).get('/who').set('authorization', 'Bearer k1');
      expect(res.body).toEqual({ role: 'customer', accountId: 'acct_1', keyName: 'demo' });
    }
    expect(reads).toHaveLength(1);
  });

  it('asks the store again once the TTL has passed (a revoked key stops working)', async () => {
    const { store, reads } = storeWithKey('k1');
    const app = appWith(store, 0);
    await request(app).get('/who').set('authorization', 'Bearer k1').expect(200);
    await request(app).get('/who').set('authorization', 'Bearer k1').expect(200);
    expect(reads).toHaveLength(2);
  });

  it('never caches an unknown key: each guess is a 401 and a read', async () => {
    const { store, reads } = storeWithKey('k1');
    const app = appWith(store);
    for (let i = 0; i < 3; i++) {
      const res = await request(app).get('/who').set('authorization', 'Bearer guessed');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    expect(reads).toHaveLength(3);
  });

  it('answers 401 without touching the store when no key is sent', async () => {
    const { store, reads } = storeWithKey('k1');
    await request(appWith(store)).get('/who').expect(401);
    expect(reads).toHaveLength(0);
  });
});
