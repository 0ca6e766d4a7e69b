/**
 * Data migrations the API runs at its start, each once per store (docs/store.md, "Migrations at
 * start"). A migration that scans (the backfills of number holds and list slots read every order)
 * must not scan again at every start: once it has finished, a marker document keyed by its id in
 * `migrations` says so, and later starts read that one document by `_id`.
 *
 * Two API replicas may start at once. Only an insert is atomic in FerretDB v1, so a run is claimed
 * by inserting `<id>@<attempt>`: of two starters one wins, the other goes on serving without
 * waiting. The winner refreshes its claim while it runs; a claim left by a replica that died (not
 * refreshed for `leaseMs`) or that failed is taken over by the next start as attempt n + 1.
 */
import { hostname } from 'node:os';
import { isDuplicateKey, type Store } from './connection';
import { backfillListSlots } from './listed-items';
import { backfillNumberHolds } from './number-holds';
import { backfillReviewQueue } from './review-queue';
import { dropUnusedIndexes } from './unused-indexes';

export interface StartMigration {
  /** The marker's `_id`: a new version of a migration gets a new id. */
  id: string;
  /** Idempotent; returns how many items it changed (for the log). */
  run(store: Store): Promise<number>;
}

/** In order: the holds of orders submitted before holds existed, then the list slots of older items. */
export const START_MIGRATIONS: readonly StartMigration[] = [
  { id: 'number-holds-v1', run: (store) => backfillNumberHolds(store) },
  { id: 'list-slots-v1', run: backfillListSlots },
  { id: 'review-queue-v1', run: backfillReviewQueue }, // orders waiting for review before the queue
  { id: 'unused-indexes-v1', run: dropUnusedIndexes }, // indexes older versions declared (timeline, notices, charges)
];

export type MigrationOutcome =
  | { id: string; outcome: 'done-before' }
  | { id: string; outcome: 'running-elsewhere'; by?: string }
  | { id: string; outcome: 'ran'; changed: number };

interface Marker {
  _id: string;
  /** Claims: the last time the runner said it was alive. */
  at?: Date;
  by?: string;
  failed?: boolean;
  /** The done marker. */
  doneAt?: Date;
  changed?: number;
}

export const MIGRATIONS_COLLECTION = 'migrations';
const DEFAULT_LEASE_MS = 60_000;

const migrations = (store: Store) => store.connection.collection<Marker>(MIGRATIONS_COLLECTION);
const claimId = (id: string, attempt: number) => `${id}@${attempt}`;

/** Runs `migration` unless it is done or another process is running it (see the module comment). */
export async function runStartMigration(
  store: Store,
  migration: StartMigration,
  options: { leaseMs?: number; by?: string } = {},
): Promise<MigrationOutcome> {
  const { id } = migration;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const by = options.by ?? `${hostname()}:${process.pid}`;
  const col = migrations(store);
  if (await col.findOne({ _id: id })) return { id, outcome: 'done-before' };
  // The latest attempt: claims are numbered from 1 without gaps (each is claimed after seeing the one below).
  let attempt = 0;
  let latest: Marker | null = null;
  for (;;) {
    const claim = await col.findOne({ _id: claimId(id, attempt + 1) });
    if (!claim) break;
    attempt += 1;
    latest = claim;
  }
  const alive = (c: Marker | null) => !!c && !c.failed && Date.now() - (c.at?.getTime() ?? 0) < leaseMs;
  if (alive(latest)) return { id, outcome: 'running-elsewhere', by: latest?.by };
  const mine = claimId(id, attempt + 1);
  try {
    await col.insertOne({ _id: mine, at: new Date(), by });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return { id, outcome: 'running-elsewhere' }; // another starter claimed the same attempt first
  }
  // Only the claim's owner writes it after the insert, so these plain updates race with nobody.
  const heartbeat = setInterval(
    () => void col.updateOne({ _id: mine }, { $set: { at: new Date() } }).catch(() => undefined),
    Math.max(1_000, Math.floor(leaseMs / 4)),
  );
  heartbeat.unref();
  try {
    const changed = await migration.run(store);
    await col.insertOne({ _id: id, doneAt: new Date(), by, changed }).catch((err) => {
      if (!isDuplicateKey(err)) throw err; // a taken-over run finished too: done either way
    });
    return { id, outcome: 'ran', changed };
  } catch (err) {
    // Released at once: the next start (a restart after this failure) runs it again.
    await col.updateOne({ _id: mine }, { $set: { failed: true } }).catch(() => undefined);
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Every start migration in order; the API awaits this before it serves. */
export async function runStartMigrations(
  store: Store,
  list: readonly StartMigration[] = START_MIGRATIONS,
  options: { leaseMs?: number; by?: string } = {},
): Promise<MigrationOutcome[]> {
  const outcomes: MigrationOutcome[] = [];
  for (const m of list) outcomes.push(await runStartMigration(store, m, options));
  return outcomes;
}

/** One log line per start: what ran, what was done before, what another process is running. */
export const describeMigrations = (outcomes: readonly MigrationOutcome[]): string =>
  outcomes
    .map((o) =>
      o.outcome === 'ran'
        ? `${o.id} ran (${o.changed} changed)`
        : o.outcome === 'running-elsewhere'
          ? `${o.id} running in ${o.by ?? 'another process'}`
          : `${o.id} done before`,
    )
    .join(', ');
