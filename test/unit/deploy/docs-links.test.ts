/**
 * The project documents itself (issue #12 item 9): every link of the committed Markdown that is not
 * a web address points at a file of this repository (a clone has nothing else: the rulebook the team
 * started from lives outside it), the README sends readers to docs/rules.md, and that page names, for
 * each rule, the module that holds it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const markdown = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

/** Inline links and images, `[text](target)`, outside code spans and fenced blocks. */
function links(file: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push(m[1]);
  }
  return found;
}

test('the Markdown files are found (a guard against checking nothing)', () => {
  expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/rules.md', 'cli/README.md']));
});

test('every link that is not a web address or an anchor points at a file of the repository', () => {
  const broken: string[] = [];
  for (const file of markdown)
    for (const target of links(file)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const resolved = path.resolve(ROOT, path.dirname(file), decodeURI(target.split('#')[0]));
      const inside = resolved === ROOT || resolved.startsWith(ROOT + path.sep);
      if (!inside || !existsSync(resolved)) broken.push(`${file}: ${target}`);
    }
  expect(broken).toEqual([]);
});

test('no Markdown points at a path of the machine it was written on', () => {
  const local = markdown.flatMap((file) =>
    links(file)
      .filter((t) => t.startsWith('/') || t.startsWith('file:'))
      .map((t) => `${file}: ${t}`),
  );
  expect(local).toEqual([]);
});

test('the README links the rules page, which names where each rule lives', () => {
  expect(links('README.md')).toContain('docs/rules.md');
  const rules = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  // Each rule table has a "Where" column; each of its rows names a module of the repository.
  const rows = rules
    .split('\n')
    .filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l) && !/^\|\s*Rule\s/.test(l));
  expect(rows.length).toBeGreaterThan(20);
  const modules = new Set(
    rows.flatMap((r) =>
      [...r.matchAll(/`((?:domain|workflows|api|activities|store|carrier)\/[\w/.-]+\.ts)`/g)].map(
        (m) => m[1],
      ),
    ),
  );
  expect(modules.size).toBeGreaterThan(10);
  const missing = [...modules].filter((m) => !existsSync(path.join(ROOT, m)));
  expect(missing).toEqual([]);
});
