import { LOGIN_LIMITS } from '@ventanilla/auth';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { createUser, login, tokenFor } from './auth-helpers';

const PASSWORD = 'contraseña-segura-1';

/** Its own environment: the address counter it fills would lock out any other suite's logins. */
describe('failed-login rate limit (e2e)', () => {
  let env: TestEnvironment;
  let adminToken: string;
  /** Failed logins this suite has made from its one address; refused (429) attempts do not count. */
  let failures = 0;
  const fail = async (email: string, password = 'wrong-password') => {
    await login(env, email, password).expect(401);
    failures++;
  };

  beforeAll(async () => {
    env = await startTestEnvironment();
    adminToken = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    for (const email of ['uno@minfin.gob.gt', 'dos@minfin.gob.gt']) {
      await createUser(env, adminToken, { email, password: PASSWORD, role: 'uip_officer', subjectCode: 'MINFIN' }).expect(201);
    }
  });
  afterAll(() => env?.stop());

  it('answers 429 with Retry-After after repeated failures for one email, even with the right password', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) await fail('uno@minfin.gob.gt', `wrong-${i}`);
    const limited = await login(env, 'UNO@minfin.gob.gt', 'wrong-again').expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED', details: [] });
    expect(limited.body.message).toMatch(/minuto/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOGIN_LIMITS.windowSeconds - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowSeconds);
    await login(env, 'uno@minfin.gob.gt', PASSWORD).expect(429);
    // Other accounts from the same address are unaffected.
    await login(env, 'dos@minfin.gob.gt', PASSWORD).expect(200);
  });

  it('starts the count again for an email after a successful login', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i++) await fail('dos@minfin.gob.gt', `wrong-${i}`);
    await login(env, 'dos@minfin.gob.gt', PASSWORD).expect(200);
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) await fail('dos@minfin.gob.gt', `wrong-${i}`);
    await login(env, 'dos@minfin.gob.gt', PASSWORD).expect(429);
  });

  it('lets a burst of parallel guesses through no further than the limit', async () => {
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(env, 'nadie@minfin.gob.gt', `guess-${i}`)),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.perEmail);
    failures += LOGIN_LIMITS.perEmail;
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - LOGIN_LIMITS.perEmail);
  });

  it('limits one client address across many emails, whatever X-Forwarded-For says', async () => {
    // Successful logins in between gave their count back, so exactly perAddress failures are allowed.
    while (failures < LOGIN_LIMITS.perAddress) await fail(`spray-${failures}@minfin.gob.gt`);
    const limited = await login(env, 'otra@minfin.gob.gt', 'x').set('X-Forwarded-For', '203.0.113.9').expect(429);
    expect(limited.body.error).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits: the address, not the account, is being throttled.
    await login(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD).expect(429);
  });
});
