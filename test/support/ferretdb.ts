/** A FerretDB of its own for one test file, as the project builds it, on a free port with throw-away data. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startFerretDb } from '../../scripts/servers/processes';
import { perTestFile } from './per-file';

export interface TestFerretDb {
  /** `mongodb://127.0.0.1:<port>/` (name the database per use). */
  uri: string;
}

export function useFerretDb(): TestFerretDb {
  return perTestFile(
    'FerretDB',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ferretdb-test-'));
      const port = await freePort();
      const process = await startFerretDb({
        port,
        dataDir: path.join(dir, 'data'),
        logFile: path.join(dir, 'ferretdb.log'),
      });
      return { uri: `mongodb://127.0.0.1:${port}/`, process, dir };
    },
    async ({ process, dir }) => {
      await process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { startMs: 60_000 },
  );
}
