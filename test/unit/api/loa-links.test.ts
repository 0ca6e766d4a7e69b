/** Signing-link tokens (api/loa-links.ts): sealed claims come back; any change to a token does not. */
import { openLink, sealLink } from '../../../api/loa-links';
import { createFieldCipher, DEV_FIELD_KEY } from '../../../security/field-crypto';

const cipher = createFieldCipher(DEV_FIELD_KEY);
const other = createFieldCipher('11'.repeat(32));
const claims = { r: 'sig_1', o: 'pio_1', e: 1_900_000_000_000 };

test('a sealed token opens to its claims, with the same key only', () => {
  const token = sealLink(cipher, claims);
  expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(openLink(cipher, token)).toEqual(claims);
  expect(openLink(other, token)).toBeUndefined();
});

test('every altered, extended, truncated or made-up token is refused', () => {
  const token = sealLink(cipher, claims);
  for (let i = 0; i < token.length; i += 7) {
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(openLink(cipher, flipped)).toBeUndefined();
  }
  for (const bad of [`${token}x`, `${token}A`, token.slice(0, -1), '', 'not a token', 'A'.repeat(100)])
    expect(openLink(cipher, bad)).toBeUndefined();
});
