import {
  CNAM_MAX_LENGTH,
  CNAM_PUNCTUATION,
  cnamIssues,
  invalidCnamCharacters,
  isValidCnam,
} from '../../../domain';

describe('CNAM caller-ID name', () => {
  it.each([
    'ACME',
    'Acme Corp',
    'Smith & Sons',
    "O'Neil Co.",
    'Acme-West',
    'Yes, Inc!',
    'Joe 24 7',
    'ABCDEFGHIJKLMNO',
    '  Padded  ',
  ])('%p is valid', (name) => {
    expect(cnamIssues(name)).toEqual([]);
    expect(isValidCnam(name)).toBe(true);
  });

  it('allows at most 15 characters', () => {
    expect(CNAM_MAX_LENGTH).toBe(15);
    expect(cnamIssues('A'.repeat(15))).toEqual([]);
    expect(cnamIssues('A'.repeat(16))).toEqual(['too_long']);
  });

  it.each([
    ['Café Luna', 'é'],
    ['acme@home', '@'],
    ['"Quoted"', '"'],
    ['50% off', '%'],
    ['A/B', '/'],
    ['Tab\there', '\t'],
    ['Rocket 🚀', '🚀'],
  ])('%p has a character that is not allowed (%p)', (name, bad) => {
    expect(cnamIssues(name)).toContain('invalid_characters');
    expect(invalidCnamCharacters(name)).toContain(bad);
  });

  it('needs at least one letter or digit', () => {
    expect(cnamIssues('')).toEqual(['empty']);
    expect(cnamIssues('   ')).toEqual(['empty']);
    expect(cnamIssues('&-!')).toEqual(['empty']);
    expect(cnamIssues(undefined)).toEqual(['empty']);
    expect(cnamIssues(42)).toEqual(['empty']);
  });

  it('reports every issue at once', () => {
    expect(cnamIssues('Ünïcödé Company Name')).toEqual(['too_long', 'invalid_characters']);
  });

  it('documents its punctuation set', () => {
    expect([...CNAM_PUNCTUATION]).toEqual(['.', ',', "'", '-', '&', '!']);
    expect(cnamIssues(`A${CNAM_PUNCTUATION.join('')}`)).toEqual([]);
  });
});
