/**
 * The last step of `npm run build`: bundles the workflow code ahead of time into
 * lib/workflow-bundle.js. A worker started with WORKFLOW_BUNDLE_PATH loads it instead of running
 * webpack at every start (seconds of CPU and a dev dependency tree it does not need), and every
 * replica runs byte-for-byte the same workflow code, the code the replay test was run against.
 *
 *   node lib/scripts/build-workflow-bundle.js [out-file]   (default lib/workflow-bundle.js)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../temporal/data-converter';

/** Relative to the package root (the working directory of `npm run build` and of the image). */
export const WORKFLOW_BUNDLE_FILE = 'lib/workflow-bundle.js';

export async function buildWorkflowBundle(
  outFile: string,
  workflowsPath: string = require.resolve('../workflows'),
): Promise<{ outFile: string; bytes: number }> {
  // The sandbox's failure converter is bundled in: a worker cannot add it to a prebuilt bundle.
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, code);
  return { outFile, bytes: Buffer.byteLength(code) };
}

if (require.main === module) {
  const outFile = path.resolve(process.argv[2] ?? WORKFLOW_BUNDLE_FILE);
  buildWorkflowBundle(outFile).then(
    ({ bytes }) => console.log(`workflow bundle: ${outFile} (${Math.round(bytes / 1024)} KiB)`),
    (err: unknown) => {
      console.error('workflow bundle failed:', err);
      process.exit(1);
    },
  );
}
