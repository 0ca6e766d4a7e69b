/** What every case gets: the running stack, the sizes of this run (full or smoke), and a logger. */
import type { Row } from './report';
import type { BenchStack } from './stack';

export interface Sizes {
  repetitions: number;
  lifecycleConcurrency: number[];
  readConnections: number[];
  readDurationMs: number;
  eventSamples: number;
  historyNumbers: number[];
  storeSizes: number[];
  submitsPerStoreSize: number;
  parkedOrders: number[];
  restarts: number;
}

export const FULL: Sizes = {
  repetitions: 3,
  lifecycleConcurrency: [20, 100],
  readConnections: [10, 50],
  readDurationMs: 10_000,
  eventSamples: 50,
  historyNumbers: [1, 20, 100],
  storeSizes: [1_000, 10_000, 50_000],
  submitsPerStoreSize: 15,
  parkedOrders: [0, 1_000, 5_000],
  restarts: 3,
};

/** Tiny counts, one repetition: CI checks that every case starts and reports (test/e2e/bench-smoke). */
export const SMOKE: Sizes = {
  repetitions: 1,
  lifecycleConcurrency: [2],
  readConnections: [2],
  readDurationMs: 1_000,
  eventSamples: 2,
  historyNumbers: [1, 2],
  storeSizes: [20, 60],
  submitsPerStoreSize: 2,
  parkedOrders: [0, 3],
  restarts: 1,
};

export interface CaseContext {
  stack: BenchStack;
  sizes: Sizes;
  log(message: string): void;
}

export interface BenchCase {
  name: string;
  title: string;
  run(ctx: CaseContext): Promise<Row[]>;
}
