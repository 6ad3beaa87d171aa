import { JwtService } from '@nestjs/jwt';
import { AdminBootstrap } from '@ventanilla/auth';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { claims, countUsers, createUser, login, tokenFor, UserBody } from './auth-helpers';

const PASSWORD = 'contraseña-segura-1';
const WRONG_LOGIN = { statusCode: 401, error: 'UNAUTHORIZED', message: 'Correo o contraseña incorrectos.', details: [] };

describe('staff accounts, login and the staff guard (e2e)', () => {
  let env: TestEnvironment;
  let adminToken: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('creates the first administrator at start-up, once even when two processes race', async () => {
    const admins = () =>
      env.db.query(`SELECT email, role, subject_code, password_hash FROM users WHERE lower(email) = lower($1)`, [
        env.config.ADMIN_EMAIL,
      ]);
    const [admin] = await admins();
    expect(admin).toMatchObject({ email: env.config.ADMIN_EMAIL, role: 'admin', subject_code: null });
    expect(admin.password_hash).toMatch(/^\$argon2id\$/);

    // Two api processes starting on an empty table at the same moment.
    await env.db.query(`DELETE FROM users`);
    const bootstrap = env.api.get(AdminBootstrap);
    await Promise.all([bootstrap.onApplicationBootstrap(), bootstrap.onApplicationBootstrap(), bootstrap.onApplicationBootstrap()]);
    expect(await admins()).toHaveLength(1);
    // A restart leaves the existing administrator (and its password) alone.
    const [before] = await admins();
    await bootstrap.onApplicationBootstrap();
    expect((await admins())[0].password_hash).toBe(before.password_hash);
  });

  it('logs the administrator in with a signed token of the contract shape', async () => {
    const res = await login(env, env.config.ADMIN_EMAIL.toUpperCase(), env.config.ADMIN_PASSWORD).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
    expect(res.body.user).toEqual({ email: env.config.ADMIN_EMAIL, role: 'admin', subjectCode: null, passwordChangeRequired: false });
    adminToken = res.body.accessToken;
    const payload = claims(adminToken);
    expect(payload).toMatchObject({ email: env.config.ADMIN_EMAIL, role: 'admin', subjectCode: null });
    expect(payload.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect((payload.exp as number) - (payload.iat as number)).toBe(8 * 3600); // JWT_EXPIRES_IN=8h
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await login(env, env.config.ADMIN_EMAIL, 'not-the-password').expect(401);
    expect(wrong.body).toEqual(WRONG_LOGIN);
    const unknown = await login(env, 'nadie@ventanilla.local', 'not-the-password').expect(401);
    expect(unknown.body).toEqual(WRONG_LOGIN);
    const english = await login(env, 'nadie@ventanilla.local', 'x').set('Accept-Language', 'en').expect(401);
    expect(english.body.message).toBe('Wrong email or password.');
    const empty = await env.http.post('/api/v1/auth/login').send({ email: 'a@b.gt' }).expect(400);
    expect(empty.body.error).toBe('VALIDATION_FAILED');
    expect(empty.body.details.map((d: { field: string }) => d.field)).toContain('password');
  });

  describe('with staff of three roles', () => {
    const officer = { email: 'uip@minfin.gob.gt', password: PASSWORD, role: 'uip_officer', subjectCode: 'MINFIN' };
    const authority = { email: 'Alcalde@Patzun.gob.gt', password: PASSWORD, role: 'highest_authority', subjectCode: 'muni-0407' };
    const monitor = { email: 'monitor@pdh.org.gt', password: PASSWORD, role: 'pdh_monitor', subjectCode: null };

    it('lets the administrator create them, never returning the hash', async () => {
      for (const body of [officer, authority, monitor]) {
        const res = await createUser(env, adminToken, body).expect(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: body.email,
          role: body.role,
          subjectCode: body.subjectCode?.toUpperCase() ?? null,
          // The contract's User (Staff administration).
          name: null,
          active: true,
          createdAt: expect.any(String),
          lastLoginAt: null,
          passwordChangeRequired: false,
        });
      }
      const rows = await env.db.query(`SELECT role, subject_code, active FROM users ORDER BY created_at`);
      expect(rows).toHaveLength(4);
      expect(rows.every((r: { active: boolean }) => r.active)).toBe(true);
    });

    it.each([
      ['uip@minfin.gob.gt', 'uip_officer', 'MINFIN'],
      ['alcalde@patzun.gob.gt', 'highest_authority', 'MUNI-0407'],
      ['MONITOR@pdh.org.gt', 'pdh_monitor', null],
    ])('logs %s in as %s of %s', async (email, role, subjectCode) => {
      const res = await login(env, email, PASSWORD).expect(200);
      expect(res.body.user).toEqual({ email: expect.any(String), role, subjectCode, passwordChangeRequired: false });
      expect(claims(res.body.accessToken)).toMatchObject({ role, subjectCode });
    });

    it('gives 403 to every other role on POST /users, and 401 without a valid token', async () => {
      const body = { email: 'nuevo@minfin.gob.gt', password: PASSWORD, role: 'uip_officer', subjectCode: 'MINFIN' };
      const before = await countUsers(env);
      for (const email of ['uip@minfin.gob.gt', 'alcalde@patzun.gob.gt', 'monitor@pdh.org.gt']) {
        const res = await createUser(env, await tokenFor(env, email, PASSWORD), body).expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN', details: [] });
      }
      const jwt = env.api.get(JwtService);
      const adminClaims = claims(adminToken);
      const { sub, email, role, subjectCode } = adminClaims;
      const refused = [
        null,
        'garbage',
        `${adminToken.slice(0, -3)}abc`,
        // Right claims, wrong key.
        jwt.sign({ sub, email, role, subjectCode }, { secret: 'another-secret-of-enough-length' }),
        // Right key, already expired.
        jwt.sign({ sub, email, role, subjectCode }, { expiresIn: -60 }),
        // Right key, an account that does not exist.
        jwt.sign({ sub: '00000000-0000-4000-8000-000000000000', email, role: 'admin', subjectCode: null }),
      ];
      for (const token of refused) {
        const res = await createUser(env, token, body).expect(401);
        expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED', details: [] });
      }
      const basic = await env.http.post('/api/v1/users').set('Authorization', 'Basic YWRtaW46YWRtaW4=').send(body).expect(401);
      expect(basic.body.error).toBe('UNAUTHORIZED');
      expect(await countUsers(env)).toBe(before);
    });

    it('takes the role from the account, not from the token', async () => {
      const officerToken = await tokenFor(env, 'uip@minfin.gob.gt', PASSWORD);
      const { sub, email, subjectCode } = claims(officerToken);
      const forged = env.api.get(JwtService).sign({ sub, email, role: 'admin', subjectCode });
      const body = { email: 'forjado@minfin.gob.gt', password: PASSWORD, role: 'admin' };
      await createUser(env, forged, body).expect(403);
    });

    it('locks out an account deactivated after its token was issued', async () => {
      const second = { email: 'admin2@ventanilla.local', password: PASSWORD, role: 'admin' };
      await createUser(env, adminToken, second).expect(201);
      const token = await tokenFor(env, second.email, PASSWORD);
      await createUser(env, token, { email: 'temp@pdh.org.gt', password: PASSWORD, role: 'pdh_monitor' }).expect(201);
      await env.db.query(`UPDATE users SET active = false WHERE email = $1`, [second.email]);
      const res = await createUser(env, token, { email: 'temp2@pdh.org.gt', password: PASSWORD, role: 'pdh_monitor' }).expect(401);
      expect(res.body.error).toBe('UNAUTHORIZED');
      const again = await login(env, second.email, PASSWORD).expect(401);
      expect(again.body).toEqual(WRONG_LOGIN);
    });

    it('refuses invalid accounts with VALIDATION_FAILED details and writes nothing', async () => {
      await env.db.query(`UPDATE subjects SET active = false WHERE code = 'SEGEPLAN'`);
      const ok = { email: 'valido@minfin.gob.gt', password: PASSWORD, role: 'uip_officer', subjectCode: 'MINFIN' };
      const invalid: [string, UserBody, string[]][] = [
        ['a bad email', { ...ok, email: 'no-es-correo' }, ['email']],
        ['a short password', { ...ok, password: 'corta-123' }, ['password']],
        ['a password that is not text', { ...ok, password: 1234567890123 }, ['password']],
        ['an unknown role', { ...ok, role: 'superuser' }, ['role']],
        ['an officer without subject', { ...ok, subjectCode: undefined }, ['subjectCode']],
        ['a highest authority with a null subject', { ...ok, role: 'highest_authority', subjectCode: null }, ['subjectCode']],
        ['a PDH monitor with a subject', { ...ok, role: 'pdh_monitor', subjectCode: 'PDH' }, ['subjectCode']],
        ['an admin with a subject', { ...ok, role: 'admin', subjectCode: 'MINFIN' }, ['subjectCode']],
        ['a malformed subject code', { ...ok, subjectCode: 'MIN FIN;' }, ['subjectCode']],
        ['an unknown subject', { ...ok, subjectCode: 'NOEXISTE' }, ['subjectCode']],
        ['an inactive subject', { ...ok, subjectCode: 'SEGEPLAN' }, ['subjectCode']],
        ['unknown fields', { ...ok, active: false, passwordHash: 'x' }, ['active', 'passwordHash']],
        // No role: the subject rule defers to the role's own error.
        ['nothing at all', {}, ['email', 'password', 'role']],
      ];
      const before = await countUsers(env);
      for (const [what, body, fields] of invalid) {
        const res = await createUser(env, adminToken, body);
        expect({ what, status: res.status }).toEqual({ what, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
        const reported = res.body.details.map((d: { field: string }) => d.field);
        expect({ what, reported: [...new Set(reported)].sort() }).toEqual({ what, reported: [...fields].sort() });
        expect(res.body.details.every((d: { message: unknown }) => typeof d.message === 'string' && d.message !== '')).toBe(true);
      }
      expect(await countUsers(env)).toBe(before);
    });

    it('refuses a second account with the same email, ignoring case, with 409', async () => {
      const before = await countUsers(env);
      const res = await createUser(env, adminToken, { ...officer, email: 'UIP@MinFin.gob.gt' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'CONFLICT', details: [{ field: 'email', message: expect.any(String) }] });
      expect(res.body.message).toContain('UIP@MinFin.gob.gt');
      const sameAsAdmin = await createUser(env, adminToken, { email: env.config.ADMIN_EMAIL, password: PASSWORD, role: 'admin' });
      expect(sameAsAdmin.status).toBe(409);
      expect(await countUsers(env)).toBe(before);
    });
  });
});
