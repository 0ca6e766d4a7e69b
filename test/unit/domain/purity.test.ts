/**
 * domain/ is imported by Temporal workflow code: it must stay deterministic and free of I/O.
 * These checks read the sources, so a forbidden call fails here before it fails a replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as domain from '../../../domain';
import { PROBLEM_CODES, WARNING_CODES } from '../../../domain';

const DOMAIN_DIR = join(__dirname, '../../../domain');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Source without comments, so that a comment mentioning Date.now() does not count. */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('domain/ purity', () => {
  const files = sources(DOMAIN_DIR);

  it('finds the domain sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(DOMAIN_DIR, f), f]))(
    '%s reads no clock, randomness, environment or I/O',
    (_name, file) => {
      const src = code(file);
      expect(src).not.toMatch(/Date\.now\s*\(/);
      expect(src).not.toMatch(/new Date\(\s*\)/);
      expect(src).not.toMatch(/Math\.random/);
      expect(src).not.toMatch(/\bprocess\./);
      expect(src).not.toMatch(/from ['"]node:/);
      expect(src).not.toMatch(/from ['"](fs|path|crypto|os|http|https|net|child_process)['"]/);
      expect(src).not.toMatch(/\brequire\(/);
      expect(src).not.toMatch(/setTimeout|setInterval/);
    },
  );
});

describe('domain public API', () => {
  it('exports the rules other modules rely on', () => {
    for (const name of [
      'validateSubmission',
      'compareWithCsr',
      'splitDraftNumbers',
      'normalizePhoneNumber',
      'isTollFree',
      'isPoBox',
      'isValidPostalCode',
      'timeZoneForAddress',
      'cnamIssues',
      'deriveOrderStatus',
      'quoteChange',
      'activationInstant',
      'addBusinessDays',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('documents unique snake_case problem and warning codes', () => {
    for (const codes of [PROBLEM_CODES, WARNING_CODES]) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(c).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
    }
  });
});
