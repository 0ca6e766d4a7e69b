/**
 * Jest global setup of the unit project: builds the portctl CLI (lib/cli/portctl.js, exactly what
 * `npm run build` emits for it) so the CLI tests run the built file, as installed. tsc compiles only
 * the CLI and what it imports (cli/tsconfig.build.json), incrementally: when nothing changed it emits
 * nothing and takes a second or two.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const BUILT_CLI = path.join(ROOT, 'lib/cli/portctl.js');
const BUILD_INFO = path.join(ROOT, 'lib/.tsbuildinfo-cli');

export default function buildCli(): void {
  // An incremental build trusts its build info: without the output it would emit nothing.
  if (!existsSync(BUILT_CLI)) rmSync(BUILD_INFO, { force: true });
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'cli/tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `building the portctl CLI failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`,
    );
  }
  chmodSync(BUILT_CLI, 0o755); // as `npm run build`: the package's bin is executable
}
