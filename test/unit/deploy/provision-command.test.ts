/**
 * The provisioning command as the docs tell an operator to run it in the image (no container engine
 * runs here, so statically): each `docker compose run … <service> node lib/<file>.js` names a service
 * that runs the built image without building it and sets MONGODB_URI, and `<file>` is compiled into
 * lib/ by `npm run build` from code that needs production dependencies only (the runtime stage has no
 * others). `test/e2e/provision.test.ts` runs the command itself against FerretDB.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentOf, loadCompose } from './compose-file';
import { reachableFrom, ROOT } from './source-scan';

const DOCS = ['README.md', 'docs/provisioning.md'];
const { services } = loadCompose();
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const buildIncludes = (
  JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }
).include;

const runs = DOCS.flatMap((doc) =>
  [
    ...readFileSync(path.join(ROOT, doc), 'utf8').matchAll(
      /docker compose run --rm --no-deps (\S+) node lib\/(\S+)\.js/g,
    ),
  ].map((m) => ({ doc, service: m[1], entry: `${m[2]}.ts` })),
);

test('the docs show the command in the image (a guard against checking nothing)', () => {
  expect(runs.map((r) => r.doc)).toEqual(expect.arrayContaining(DOCS));
  expect(new Set(runs.map((r) => r.entry))).toEqual(new Set(['scripts/provision/main.ts']));
});

test.each(runs.map((r) => [r.doc, r.service, r.entry] as const))(
  '%s: `docker compose run %s` runs the built image with the store’s URI',
  (_doc, service, entry) => {
    const s = services[service];
    expect(s).toBeDefined();
    expect({ image: s.image, pull_policy: s.pull_policy }).toEqual({
      image: services.api.image,
      pull_policy: 'never', // `run` of a `pull_policy: build` service would rebuild the image
    });
    expect(services.api.build).toBeDefined(); // the image those services run is this repository's
    expect(environmentOf(s).MONGODB_URI).toBe(environmentOf(services.api).MONGODB_URI);
    expect(existsSync(path.join(ROOT, entry))).toBe(true);
    expect(buildIncludes).toContain(entry.split('/')[0]);
  },
);

test('the command needs production dependencies only, and npm run provision runs the same file', () => {
  const packages = new Set(
    reachableFrom(path.join(ROOT, 'scripts/provision/main.ts')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*?from '([^.][^']*)'/gms)].map((m) =>
        m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0],
      ),
    ),
  );
  const notInImage = [...packages].filter((p) => !p.startsWith('node:') && !(p in pkg.dependencies));
  expect(notInImage).toEqual([]);
  expect(packages).toContain('mongoose'); // a guard against checking nothing
  expect(pkg.scripts.provision).toContain('scripts/provision/main.ts');
});
