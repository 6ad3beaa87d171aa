import argon2 from 'argon2';
import { checkAccessCode, hashAccessCode } from './access-code-hash';

const SECRET = 'una-clave-de-prueba-suficiente';

describe('access code hash', () => {
  it('is HMAC-SHA-256 under its own secret, and reads the code as a person types it', async () => {
    const stored = hashAccessCode(SECRET, 'ABCDEFGHJKMN');
    expect(stored).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
    expect(await checkAccessCode(SECRET, 'abcd efgh-jkmn', stored)).toEqual({ valid: true });
    expect(await checkAccessCode(SECRET, 'ABCDEFGHJKMP', stored)).toEqual({ valid: false });
    expect(await checkAccessCode('otra-clave-distinta-de-prueba', 'ABCDEFGHJKMN', stored)).toEqual({ valid: false });
  });

  it('accepts a legacy argon2id hash once, handing back the HMAC to store', async () => {
    const legacy = await argon2.hash('ABCDEFGHJKMN', { type: argon2.argon2id });
    expect(await checkAccessCode(SECRET, 'ABCDEFGHJKMN', legacy)).toEqual({ valid: true, rehash: hashAccessCode(SECRET, 'ABCDEFGHJKMN') });
    expect(await checkAccessCode(SECRET, 'ABCDEFGHJKMP', legacy)).toEqual({ valid: false });
  });
});
