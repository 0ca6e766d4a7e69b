/**
 * The Java time-skipping test server, started through the SDK with the project's own launcher
 * (scripts/servers/fetch-test-server.sh). On a machine with internet and no launcher, the SDK may
 * download its own build instead (PORTIN_ALLOW_SDK_DOWNLOAD=1).
 */
import { existsSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { binaries } from '../../scripts/servers/processes';
import { createDataConverter } from '../../temporal/data-converter';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';

const INDEXED_TYPE = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/** Registers the workflow's custom search attributes, as the dev server does by flag. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTE_FLAGS.map(([name, type]) => [name, INDEXED_TYPE[type]]),
    ),
  });
}

/** Workflow tests run with the services' payload encryption; their workers must use it too. */
export const testDataConverter = createDataConverter();

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = binaries.testServer();
  const client = { dataConverter: testDataConverter };
  let env: TestWorkflowEnvironment;
  if (!existsSync(path) && process.env.PORTIN_ALLOW_SDK_DOWNLOAD === '1')
    env = await TestWorkflowEnvironment.createTimeSkipping({ client });
  else if (!existsSync(path))
    throw new Error(
      `${path} is missing: run 'bash scripts/servers/fetch-test-server.sh' (npm test does) or set TEMPORAL_TEST_SERVER_PATH`,
    );
  else env = await startWithRetries(path, client);
  await registerSearchAttributes(env);
  return env;
}

/**
 * The SDK gives the server 5 s to listen (fixed in sdk-core). The launcher's class-data archive
 * makes a start take about a second, but a machine busy with other test servers and webpack can
 * still miss it; a missed start is retried rather than failing a whole test file.
 */
async function startWithRetries(
  path: string,
  client: { dataConverter: typeof testDataConverter },
  attempts = 5,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path } },
        client,
      });
    } catch (err) {
      if (attempt >= attempts || !/did not start within/.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}
