import { isValidEmail } from '../../../domain';

describe('notification email', () => {
  it.each([
    'jane@example.com',
    'jane.smith+ports@mail.example.co.uk',
    'a@b.io',
    "o'neil@example.org",
    'UPPER@EXAMPLE.COM',
  ])('%p is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@@example.com',
    'jane smith@example.com',
    'jane@exa mple.com',
    'jane..smith@example.com',
    '.jane@example.com',
    'jane@-example.com',
    'jane@example.c0m',
    `${'a'.repeat(65)}@example.com`,
    `jane@${'a'.repeat(250)}.com`,
    undefined,
    42,
  ])('%p is not valid', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});
