import { PrivateRedis, startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { RedisClient } from '@ventanilla/queue';
import request from 'supertest';
import { agentCsrf, createStaffAccount, staffAgent } from '../pages/staff-pages';
import { eventually } from '../watch/watch-helpers';

const PAGE = '/personal/contrasena';
const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('vt_personal='))!.split(';')[0];

/**
 * Staff pages while Redis is down fail closed: Redis is where a sign-out is recorded, so without
 * it a signed-out cookie cannot be told from a live one. Sign-ins already stop then (their
 * attempt limit lives in Redis); the public pages are not concerned.
 */
describe('staff pages while Redis is down (e2e)', () => {
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await env?.stop();
    await redis.stop();
  });
  afterEach(() => redis.start());

  it('answer 503 rather than open to a cookie whose sign-out cannot be checked; a sign-out then ends every session of the account', async () => {
    const account = await createStaffAccount(env, 'pdh_monitor');
    const agent = await staffAgent(env, account);
    const otherBrowser = await staffAgent(env, account);
    const copied = cookieOf(await agent.get(PAGE).expect(200));
    const csrf = await agentCsrf(agent);

    await redis.stop();
    for (const res of [await agent.get(PAGE), await env.http.get(PAGE).set('Cookie', copied)]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.text).toContain('Servicio no disponible por un momento');
      expect(res.text).not.toContain('name="actual"');
    }
    // Signing out still works in this browser; Redis cannot record it, so every session of the account ends.
    const out = await agent.post('/personal/salir').type('form').send({ _csrf: csrf }).expect(303);
    expect(out.headers.location).toBe('/personal/entrar?salio=1');
    expect(cookieOf(out)).toBe('vt_personal=');

    await redis.start();
    // The api's client reconnects on its own schedule: wait for it, not for a while.
    const client = env.api.get(RedisClient).client;
    await eventually(async () => (await client.ping().catch(() => null)) === 'PONG', 30_000, 'la reconexión del api a Redis');
    // Redis back: the copy taken before the sign-out is worth nothing, nor the account's other browser.
    expect((await env.http.get(PAGE).set('Cookie', copied).expect(303)).headers.location).toMatch(/^\/personal\/entrar/);
    expect((await otherBrowser.get(PAGE).expect(303)).headers.location).toMatch(/^\/personal\/entrar/);
    // Signing in again works as before.
    await (await staffAgent(env, account)).get(PAGE).expect(200);
  });
});
