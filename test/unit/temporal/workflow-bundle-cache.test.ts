import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cachedWorkflowBundle,
  workflowBundleKey,
  workflowSourceFiles,
} from '../../../temporal/workflow-bundle-cache';
import { FAILURE_CONVERTER_PATH } from '../../../temporal/data-converter';

describe('workflow bundle cache key', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bundle-key-'));
    write('workflows/index.ts', "export * from './order';\n");
    write('workflows/order.ts', "import { fee } from '../domain/fees';\nimport type { X } from './types';\n");
    write('workflows/types.ts', 'export type X = 1;\n');
    write('domain/fees.ts', "import { z } from 'zod';\nexport const fee = 13_00;\n");
    write('domain/unrelated.ts', 'export const nobodyImportsMe = 1;\n');
    write('converter.ts', 'export const c = 1;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const key = () => workflowBundleKey(path.join(dir, 'workflows/index.ts'), path.join(dir, 'converter.ts'));

  it('follows relative imports (type imports included) and leaves packages to the lock file', () => {
    const files = workflowSourceFiles([path.join(dir, 'workflows/index.ts')]).map((f) =>
      path.relative(dir, f),
    );
    expect(files).toEqual([
      'domain/fees.ts',
      'workflows/index.ts',
      'workflows/order.ts',
      'workflows/types.ts',
    ]);
  });

  it('changes when any reachable file changes, and only then', () => {
    const before = key();
    expect(key()).toBe(before);
    write('domain/unrelated.ts', 'export const nobodyImportsMe = 2;\n');
    expect(key()).toBe(before);
    write('domain/fees.ts', "import { z } from 'zod';\nexport const fee = 14_00;\n");
    const afterFee = key();
    expect(afterFee).not.toBe(before);
    write('converter.ts', 'export const c = 2;\n');
    expect(key()).not.toBe(afterFee);
  });

  it('reaches the domain rules from the real workflow code', () => {
    const files = workflowSourceFiles([require.resolve('../../../workflows'), FAILURE_CONVERTER_PATH]).map(
      (f) => path.relative(path.resolve(__dirname, '../../..'), f),
    );
    expect(files).toEqual(
      expect.arrayContaining(['workflows/index.ts', 'domain/fees.ts', 'temporal/failure-converter.ts']),
    );
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('api/'))).toBe(false);
  });

  it('builds a bundle once and then reuses it', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'bundle-cache-'));
    try {
      const first = await cachedWorkflowBundle({ cacheDir });
      const second = await cachedWorkflowBundle({ cacheDir });
      expect(first.built).toBe(true);
      expect(second).toEqual({ codePath: first.codePath, built: false });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);
});
