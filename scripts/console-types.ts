/**
 * console/src/api-types.ts: the API's OpenAPI document (api/openapi.ts) as TypeScript types, made by
 * openapi-typescript, for the console's typed client (openapi-fetch). Written formatted (prettier), so
 * `npm run lint` accepts it as is and test/unit/console/api-types.test.ts can compare it byte for byte
 * with a fresh generation (run as a child process: openapi-typescript loads ES modules Jest cannot): a route or schema changed without `npm run console:types` fails the tests.
 *
 *   npx ts-node --transpile-only scripts/console-types.ts          # write the file
 *   npx ts-node --transpile-only scripts/console-types.ts --check  # exit 1 when out of date
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { openApiDocument } from '../api/openapi';

export const CONSOLE_TYPES_FILE = path.join(__dirname, '..', 'console', 'src', 'api-types.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document (api/openapi.ts) by scripts/console-types.ts
 * (openapi-typescript). Do not edit: run \`npm run console:types\` after changing the API.
 */
`;

/**
 * The document without its examples: some are dated today (a bill's `issuedOn`, an event's
 * `occurredAt`), and types need none of them, so the generated file changes only with the API.
 */
function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'example' && key !== 'examples')
      .map(([key, v]) => [key, withoutExamples(v)]),
  );
}

export async function generateConsoleTypes(): Promise<string> {
  const document = withoutExamples(openApiDocument()) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: false });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(CONSOLE_TYPES_FILE)) ?? {};
  return prettier.format(source, { ...options, filepath: CONSOLE_TYPES_FILE });
}

async function main(): Promise<void> {
  const fresh = await generateConsoleTypes();
  const at = process.argv.indexOf('--check');
  if (at >= 0) {
    // The file to compare can be named after --check (the unit test proves the check fails on a stale copy).
    const named = process.argv[at + 1];
    const file = named && !named.startsWith('--') ? named : CONSOLE_TYPES_FILE;
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== fresh) {
      console.error(
        `${path.relative(process.cwd(), CONSOLE_TYPES_FILE)} is out of date: run npm run console:types`,
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(CONSOLE_TYPES_FILE, fresh);
  console.log(`wrote ${path.relative(process.cwd(), CONSOLE_TYPES_FILE)}`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
