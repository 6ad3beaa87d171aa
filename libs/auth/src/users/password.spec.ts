import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('correcta-123');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correcta-123')).toBe(true);
    expect(await verifyPassword(hash, 'Correcta-123')).toBe(false);
  });

  it('never throws on an unreadable hash and never accepts the dummy', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDummy('cualquiera')).toBe(false);
  });
});
