/**
 * The Java time-skipping test server, started through the SDK with the project's own launcher
 * (scripts/servers/fetch-test-server.sh). On a machine with internet and no launcher, the SDK may
 * download its own build instead (PORTIN_ALLOW_SDK_DOWNLOAD=1).
 */
import { existsSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { binaries } from '../../scripts/servers/processes';
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

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = binaries.testServer();
  let env: TestWorkflowEnvironment;
  if (!existsSync(path) && process.env.PORTIN_ALLOW_SDK_DOWNLOAD === '1')
    env = await TestWorkflowEnvironment.createTimeSkipping();
  else if (!existsSync(path)) throw new Error(`${path} is missing: run 'npm run setup' first`);
  else
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path } },
    });
  await registerSearchAttributes(env);
  return env;
}
