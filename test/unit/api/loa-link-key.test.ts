/**
 * The signing link has a key of its own (api/loa-links.ts, FieldCipher.derive): derived from the
 * field key by HKDF for that one purpose, so a token is no ciphertext of the field key (a sealed PIN
 * never opens as a link, a link never opens as a sealed field), the same field key always gives the
 * same link key (links survive a restart and work across replicas), and production's refusal of the
 * development field key names what the keys derived from it protect.
 */
import { randomBytes } from 'node:crypto';
import { LINK_KEY_PURPOSE, openLink, sealLink } from '../../../api/loa-links';
import { developmentMaterialIn } from '../../../config/development-material';
import { createFieldCipher, DEV_FIELD_KEY } from '../../../security/field-crypto';

const key = '22'.repeat(32);
const cipher = createFieldCipher(key);
const claims = { r: 'sig_1', o: 'pio_1', e: 1_900_000_000_000 };
/** A token as the field key itself would seal it (how links were sealed before they had their key). */
const sealedWithFieldKey = (plain: string) =>
  Buffer.from(cipher.encrypt(plain), 'utf8').toString('base64url');

test('a link is not sealed with the field key: the field key cannot open it', () => {
  const token = sealLink(cipher, claims);
  const sealed = Buffer.from(token, 'base64url').toString('utf8');
  expect(() => cipher.decrypt(sealed)).toThrow();
  expect(cipher.derive(LINK_KEY_PURPOSE).decrypt(sealed)).toBe(JSON.stringify(claims));
});

test('what the field key seals never opens as a link, even claims of the right shape', () => {
  expect(openLink(cipher, sealedWithFieldKey(JSON.stringify(claims)))).toBeUndefined();
  expect(openLink(cipher, sealedWithFieldKey('4321'))).toBeUndefined(); // a sealed PIN
});

test('the link key is derived the same way from the same field key, and differs per purpose and key', () => {
  const token = sealLink(cipher, claims);
  expect(openLink(createFieldCipher(key), token)).toEqual(claims); // another replica, after a restart
  expect(openLink(createFieldCipher('33'.repeat(32)), token)).toBeUndefined();
  const sealed = Buffer.from(token, 'base64url').toString('utf8');
  expect(() => cipher.derive('list cursor v1').decrypt(sealed)).toThrow();
  expect(() => cipher.derive('')).toThrow();
});

test('production refuses the development field key, naming the signing links derived from it', () => {
  const env = {
    NODE_ENV: 'production',
    PORTIN_FIELD_KEY: DEV_FIELD_KEY,
    PORTIN_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CARRIER_WEBHOOK_SECRET: `whsec_${Buffer.from('a real secret of enough length').toString('base64')}`,
    SEED_DEMO_DATA: 'false',
  };
  expect(developmentMaterialIn(env, 'api')).toEqual([
    expect.stringMatching(/PORTIN_FIELD_KEY is the public development key.*LOA signing links/),
  ]);
  expect(developmentMaterialIn({ ...env, PORTIN_FIELD_KEY: undefined }, 'worker')).toEqual([
    expect.stringMatching(/PORTIN_FIELD_KEY is not set.*LOA signing links/),
  ]);
});
