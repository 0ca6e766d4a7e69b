/**
 * One action of a page at a time (a save, a post, a confirmation): `busy` while it runs, and the
 * API's problem when it failed, for the form to show by field. Steps throw; `run` catches.
 */
import { useState } from 'preact/hooks';
import { problemOf } from '../api';
import type { Problem } from './problems';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (step: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      await step();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
}
