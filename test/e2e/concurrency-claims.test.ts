/**
 * The store's "at most one" claims on the real FerretDB v1, forty writers at the same instant. Only
 * an insert is atomic there (a guarded update is read, change in Go, write back by _id: all of the
 * writers match), so each claim must be an insert with a deterministic `_id`:
 *
 * - one use of an e-signature request (store/loa-signatures.ts);
 * - one change per revision of a draft (store/draft-revisions.ts), and a dead writer's claim passed over;
 * - one takeover of a lapsed number hold (store/number-holds.ts).
 */
import { connectStore, type Store } from '../../store/connection';
import {
  claimDraftRevision,
  releaseDraftRevision,
  STALE_CLAIM_MS,
  type RevisionClaim,
} from '../../store/draft-revisions';
import {
  claimSignatureRequest,
  createSignatureRequest,
  findSignatureRequest,
  releaseSignatureRequest,
} from '../../store/loa-signatures';
import { claimNumbers } from '../../store/number-holds';
import { useFerretDb } from '../support/ferretdb';

const ferretdb = useFerretDb();
let store: Store;
const WRITERS = 40;

beforeAll(async () => {
  store = await connectStore(`${ferretdb.uri}claims`);
}, 60_000);
afterAll(async () => {
  await store?.close();
});

const atOnce = <T>(make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: WRITERS }, (_, i) => make(i)));

test('forty uses of one signature request at once: exactly one claims it; released, it is free again', async () => {
  const id = 'sigreq_race';
  await createSignatureRequest(store, {
    _id: id,
    orderId: 'pio_sig',
    email: 'a@example.test',
    expiresAt: new Date(Date.now() + 60_000),
  });
  const won = await atOnce((i) => claimSignatureRequest(store, id, `doc_${i}`));
  expect(won.filter(Boolean)).toHaveLength(1);
  const winner = `doc_${won.indexOf(true)}`;
  expect(await findSignatureRequest(store, id)).toMatchObject({
    documentId: winner,
    usedAt: expect.any(Date),
  });

  await releaseSignatureRequest(store, id, winner);
  expect((await findSignatureRequest(store, id))?.usedAt).toBeUndefined();
  expect((await atOnce((i) => claimSignatureRequest(store, id, `again_${i}`))).filter(Boolean)).toHaveLength(
    1,
  );
});

test('forty changes of one draft revision at once: exactly one claims it; taken back, the next may', async () => {
  await store.models.Order.collection.insertOne({ _id: 'pio_rev' as never, status: 'draft', draftRev: 3 });
  const outcomes = await atOnce((i) => claimDraftRevision(store, 'pio_rev', 3, i % 2 ? 'edit' : 'submit'));
  const claims = outcomes.flatMap((o) => ('claimed' in o ? [o.claimed] : []));
  expect(claims).toEqual([{ orderId: 'pio_rev', from: 3, rev: 4 }]);
  // The losers are told which change holds the revision.
  const holder = outcomes.indexOf(outcomes.find((o) => 'claimed' in o)!) % 2 ? 'edit' : 'submit';
  for (const o of outcomes.filter((o) => 'lostTo' in o)) expect(o).toEqual({ lostTo: holder });

  await releaseDraftRevision(store, claims[0] as RevisionClaim);
  const again = await atOnce(() => claimDraftRevision(store, 'pio_rev', 3, 'edit'));
  expect(again.filter((o) => 'claimed' in o)).toHaveLength(1);
});

test("a dead writer's claim is passed over once stale, only while the draft is still at its revision", async () => {
  await store.models.Order.collection.insertOne({ _id: 'pio_dead' as never, status: 'draft', draftRev: 0 });
  expect(await claimDraftRevision(store, 'pio_dead', 0, 'edit')).toEqual({
    claimed: { orderId: 'pio_dead', from: 0, rev: 1 },
  });
  // Its writer never wrote: fresh, the claim holds; stale, the next revision is claimed.
  expect(await claimDraftRevision(store, 'pio_dead', 0, 'edit')).toEqual({ lostTo: 'edit' });
  const later = Date.now() + STALE_CLAIM_MS + 1;
  const outcomes = await atOnce(() => claimDraftRevision(store, 'pio_dead', 0, 'edit', later));
  expect(outcomes.filter((o) => 'claimed' in o)).toEqual([
    { claimed: { orderId: 'pio_dead', from: 0, rev: 2 } },
  ]);
  // A stale claim whose change was written: a writer that read the older revision loses.
  await store.models.Order.collection.updateOne({ _id: 'pio_dead' as never }, { $set: { draftRev: 2 } });
  expect(await claimDraftRevision(store, 'pio_dead', 1, 'edit', later + STALE_CLAIM_MS)).toEqual({
    lostTo: 'edit',
  });
});

test('forty submits taking over one lapsed number hold at once: exactly one takes it', async () => {
  const phone = '+12125550799';
  // Held by an order that no longer exists: the hold no longer counts.
  await store.models.NumberHold.create({
    _id: phone,
    orderId: 'pio_gone',
    accountId: 'acct',
    since: new Date(),
  });
  // The takers are orders that exist (a hold of theirs counts).
  await store.models.Order.collection.insertMany(
    Array.from({ length: WRITERS }, (_, i) => ({
      _id: `pio_taker_${i}` as never,
      status: 'in_review',
      numbers: [],
    })),
  );
  const claims = await atOnce((i) =>
    claimNumbers(store, { orderId: `pio_taker_${i}`, accountId: 'acct' }, [phone]),
  );
  const takers = claims.flatMap((c, i) => (c.claimed.length ? [`pio_taker_${i}`] : []));
  expect(takers).toHaveLength(1);
  expect(claims.filter((c) => c.taken.length)).toHaveLength(WRITERS - 1);
  expect(await store.models.NumberHold.findById(phone).lean()).toMatchObject({ orderId: takers[0] });
});
