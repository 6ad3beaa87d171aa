import { Clock } from '@ventanilla/config';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import request from 'supertest';
import { tokenFor } from '../auth/auth-helpers';
import { agentCsrf, createStaffAccount, csrfTokenOf, staffAgent, StaffAccount } from './staff-pages';

const cookieHeader = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const staffCookie = (res: request.Response) => cookieHeader(res).find((c) => c.startsWith('vt_personal='));

describe('staff sign-in, session and sign-out on the pages (e2e)', () => {
  let env: TestEnvironment;
  let adminToken: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    adminToken = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
  });
  afterAll(() => env?.stop());

  /** The sign-in form's POST from a fresh browser (its own cookies), without following the answer. */
  async function postSignIn(fields: Record<string, string>) {
    const agent = request.agent(env.api.getHttpServer());
    const form = await agent.get('/personal/entrar').expect(200);
    const res = await agent.post('/personal/entrar').type('form').send({ _csrf: csrfTokenOf(form.text), ...fields });
    return { agent, res };
  }

  it('sends a stranger to the sign-in, remembering the page asked for', async () => {
    const home = await env.http.get('/personal').expect(303);
    expect(home.headers.location).toBe('/personal/entrar');
    const deep = await env.http.get('/personal/contrasena?x=1').expect(303);
    expect(deep.headers.location).toBe('/personal/entrar?volver=%2Fpersonal%2Fcontrasena%3Fx%3D1');
    const page = await env.http.get('/personal/entrar?volver=%2Fpersonal%2Fcontrasena').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Entrar como personal');
    expect(page.text).toContain('name="volver" value="/personal/contrasena"');
  });

  it('signs in with the cookie HttpOnly, SameSite=Lax, only for /personal, and goes back where it was asked', async () => {
    const account = await createStaffAccount(env, 'pdh_monitor');
    const { agent, res } = await postSignIn({ correo: account.email.toUpperCase(), contrasena: account.password, volver: '/personal/contrasena' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/personal/contrasena');
    const cookie = staffCookie(res)!;
    expect(cookie).toMatch(/; Path=\/personal/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    // Test runs are plain HTTP outside production; the unit test covers Secure in production.
    expect(cookie).not.toMatch(/; Secure/);
    const page = await agent.get('/personal/contrasena').expect(200);
    expect(page.text).toContain(`Sesión de ${account.email}`);
    // The sealed value says nothing readable about the account.
    expect(decodeURIComponent(cookie)).not.toContain(account.id);
  });

  it.each([
    ['https://evil.example/personal'],
    ['//evil.example/personal'],
    ['/\\evil.example'],
    ['/solicitar'],
  ])('never follows a "volver" of %p off the staff pages', async (volver) => {
    const account = await createStaffAccount(env, 'admin');
    const { res } = await postSignIn({ correo: account.email, contrasena: account.password, volver });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/personal');
  });

  it('refuses a wrong password in Spanish, keeps the email typed, and starts no session', async () => {
    const account = await createStaffAccount(env, 'uip_officer');
    const { agent, res } = await postSignIn({ correo: account.email, contrasena: 'no-es-esta' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('El correo o la contraseña no son correctos');
    expect(res.text).toContain(`value="${account.email}"`);
    expect(staffCookie(res)).toBeUndefined();
    expect((await agent.get('/personal').expect(303)).headers.location).toBe('/personal/entrar');

    const empty = await postSignIn({ correo: '', contrasena: '' });
    expect(empty.res.status).toBe(400);
    expect(empty.res.text).toContain('Escriba su correo electrónico');
    expect(empty.res.text).toContain('Escriba su contraseña');
  });

  it('applies the API login limits: past 10 failures for one account, 429 with Retry-After even for the right password', async () => {
    const account = await createStaffAccount(env, 'highest_authority');
    for (let i = 0; i < 10; i += 1) expect((await postSignIn({ correo: account.email, contrasena: `mala-${i}` })).res.status).toBe(401);
    const { res } = await postSignIn({ correo: account.email, contrasena: account.password });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.text).toContain('Hubo demasiados intentos fallidos');
    expect(staffCookie(res)).toBeUndefined();
  });

  it('refuses a sign-in post without its CSRF token', async () => {
    const account = await createStaffAccount(env, 'admin');
    const res = await env.http.post('/personal/entrar').type('form').send({ correo: account.email, contrasena: account.password }).expect(403);
    expect(res.text).toContain('La página caducó');
    expect(staffCookie(res)).toBeUndefined();
  });

  it('sends each role from /personal to its own home', async () => {
    const homes = { uip_officer: '/personal/bandeja', highest_authority: '/personal/apelaciones', pdh_monitor: '/personal/pdh', admin: '/personal/admin' } as const;
    for (const [role, home] of Object.entries(homes)) {
      const agent = await staffAgent(env, await createStaffAccount(env, role as keyof typeof homes));
      expect((await agent.get('/personal').expect(303)).headers.location).toBe(home);
    }
  });

  it('signs out with a POST and its CSRF token; the old cookie is worth nothing afterwards', async () => {
    const account = await createStaffAccount(env, 'pdh_monitor');
    const agent = await staffAgent(env, account);
    const stolen = staffCookie(await agent.get('/personal/contrasena').expect(200))!.split(';')[0];
    // Without the token, nothing happens.
    await agent.post('/personal/salir').type('form').send({}).expect(403);
    await agent.get('/personal/contrasena').expect(200);

    const out = await agent.post('/personal/salir').type('form').send({ _csrf: await agentCsrf(agent) }).expect(303);
    expect(out.headers.location).toBe('/personal/entrar?salio=1');
    expect(staffCookie(out)).toMatch(/^vt_personal=;/);
    expect((await agent.get('/personal/contrasena').expect(303)).headers.location).toMatch(/^\/personal\/entrar/);
    // A copy of the cookie taken before the sign-out.
    const replay = await env.http.get('/personal/contrasena').set('Cookie', stolen).expect(303);
    expect(replay.headers.location).toMatch(/^\/personal\/entrar/);
  });

  it('a deactivated account is back at the sign-in on its next page load', async () => {
    const account = await createStaffAccount(env, 'uip_officer');
    const agent = await staffAgent(env, account);
    await agent.get('/personal/contrasena').expect(200);
    await env.http.patch(`/api/v1/users/${account.id}`).set('Authorization', `Bearer ${adminToken}`).send({ active: false }).expect(200);
    expect((await agent.get('/personal/contrasena').expect(303)).headers.location).toBe('/personal/entrar?volver=%2Fpersonal%2Fcontrasena');
    // …and cannot sign in again.
    expect((await postSignIn({ correo: account.email, contrasena: account.password })).res.status).toBe(401);
  });

  it('after a reset: the live session ends, the temporary password opens only the password change, then work goes on', async () => {
    const account = await createStaffAccount(env, 'admin');
    const agent = await staffAgent(env, account);
    const reset = await env.http.post(`/api/v1/users/${account.id}/password-reset`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    const temporary = reset.body.temporaryPassword as string;
    expect((await agent.get('/personal/contrasena').expect(303)).headers.location).toMatch(/^\/personal\/entrar/);

    const again = await staffAgent(env, { email: account.email, password: temporary });
    expect((await again.get('/personal').expect(303)).headers.location).toBe('/personal/contrasena');
    const form = await again.get('/personal/contrasena').expect(200);
    expect(form.text).toContain('El administrador restableció su contraseña');
    const csrf = csrfTokenOf(form.text);

    const mismatch = await again.post('/personal/contrasena').type('form').send({ _csrf: csrf, actual: temporary, nueva: 'frase-nueva-larga-1', repetida: 'otra-frase-distinta' }).expect(400);
    expect(mismatch.text).toContain('Las dos contraseñas nuevas no coinciden');
    const short = await again.post('/personal/contrasena').type('form').send({ _csrf: csrf, actual: temporary, nueva: 'corta', repetida: 'corta' }).expect(400);
    expect(short.text).toContain('Escriba una contraseña nueva de 10 a 200 caracteres');
    const wrong = await again.post('/personal/contrasena').type('form').send({ _csrf: csrf, actual: 'no-es-la-temporal', nueva: 'frase-nueva-larga-1', repetida: 'frase-nueva-larga-1' }).expect(400);
    expect(wrong.text).toContain('La contraseña actual no es correcta');
    // Still only the password page until it is changed.
    expect((await again.get('/personal').expect(303)).headers.location).toBe('/personal/contrasena');

    const done = await again.post('/personal/contrasena').type('form').send({ _csrf: csrf, actual: temporary, nueva: 'frase-nueva-larga-1', repetida: 'frase-nueva-larga-1' }).expect(303);
    expect(done.headers.location).toBe('/personal/contrasena?hecho=1');
    expect((await again.get('/personal/contrasena?hecho=1').expect(200)).text).toContain('Listo: su contraseña cambió.');
    expect((await again.get('/personal').expect(303)).headers.location).toBe('/personal/admin');
    // The new password is the one that works now.
    expect((await postSignIn({ correo: account.email, contrasena: temporary })).res.status).toBe(401);
    expect((await postSignIn({ correo: account.email, contrasena: 'frase-nueva-larga-1' })).res.status).toBe(303);
  });

  it(`ends a session idle for longer than STAFF_SESSION_IDLE_MINUTES, and says why`, async () => {
    const account: StaffAccount = await createStaffAccount(env, 'pdh_monitor');
    const agent = await staffAgent(env, account);
    const clock = env.api.get(Clock);
    const idleMs = env.config.STAFF_SESSION_IDLE_MINUTES * 60_000;
    const start = Date.now();
    const now = jest.spyOn(clock, 'now');
    try {
      // Loads within the limit keep it alive, each one moving the timer on.
      now.mockReturnValue(new Date(start + idleMs - 60_000));
      await agent.get('/personal/contrasena').expect(200);
      now.mockReturnValue(new Date(start + 2 * idleMs - 120_000));
      await agent.get('/personal/contrasena').expect(200);
      now.mockReturnValue(new Date(start + 3 * idleMs));
      const res = await agent.get('/personal/contrasena').expect(303);
      expect(res.headers.location).toBe('/personal/entrar?volver=%2Fpersonal%2Fcontrasena&caducada=1');
      const page = await agent.get(res.headers.location).expect(200);
      expect(page.text).toContain(`Su sesión se cerró después de ${env.config.STAFF_SESSION_IDLE_MINUTES} minutos sin uso`);
    } finally {
      now.mockRestore();
    }
  });

  it('a tampered cookie is no session', async () => {
    const account = await createStaffAccount(env, 'admin');
    const agent = await staffAgent(env, account);
    const cookie = staffCookie(await agent.get('/personal/contrasena').expect(200))!.split(';')[0];
    const value = cookie.slice('vt_personal='.length);
    const tampered = `vt_personal=${value.slice(0, -4)}${value.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await env.http.get('/personal/contrasena').set('Cookie', tampered).expect(303)).headers.location).toMatch(/^\/personal\/entrar/);
  });
});
