/**
 * CNAM: the caller-ID name the terminating carrier shows, stored in the CNAM/LIDB databases. Those
 * databases hold at most 15 ASCII characters and reject most symbols, so the name is checked at intake
 * rather than failing at activation.
 */
export const CNAM_MAX_LENGTH = 15;

/**
 * Punctuation accepted besides ASCII letters, digits and spaces: the characters that appear in
 * business names ("Smith & Sons", "O'Neil Co.", "Acme-West", "Yes, Inc!") and that CNAM providers
 * accept. Anything else (accents, @, quotes, emoji, control characters) is refused.
 */
export const CNAM_PUNCTUATION = ['.', ',', "'", '-', '&', '!'] as const;

export type CnamIssue = 'empty' | 'too_long' | 'invalid_characters';

const ALLOWED = /^[A-Za-z0-9 .,'&!-]*$/;

/** Every way `cnam` breaks the rule (empty list: valid). Leading/trailing spaces are not counted. */
export function cnamIssues(cnam: unknown): CnamIssue[] {
  if (typeof cnam !== 'string') return ['empty'];
  const name = cnam.trim();
  const issues: CnamIssue[] = [];
  // A name needs something to show: spaces and punctuation alone would display as blank.
  if (!/[A-Za-z0-9]/.test(name)) issues.push('empty');
  if (name.length > CNAM_MAX_LENGTH) issues.push('too_long');
  if (!ALLOWED.test(name)) issues.push('invalid_characters');
  return issues;
}

export function isValidCnam(cnam: unknown): boolean {
  return cnamIssues(cnam).length === 0;
}

/** The characters of `cnam` that are not allowed, each once, in order of appearance. */
export function invalidCnamCharacters(cnam: string): string[] {
  return [...new Set([...cnam.trim()].filter((ch) => !ALLOWED.test(ch)))];
}
