import { filingBody, PrivateRedis, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import Redis from 'ioredis';
import { login } from '../auth/auth-helpers';
import { mailQueueIdle, outboxDrained } from '../watch/watch-helpers';

/**
 * Redis Cluster hashes only the part of a key between the first `{` and the next `}` (when
 * it is not empty): keys with the same tag share a slot, as BullMQ's multi-key scripts need.
 */
function hashTag(key: string): string | null {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

describe('every Redis key behind the hash tag, for Redis Cluster (e2e)', () => {
  // A Redis of its own: every key in it is this suite's, none is another suite's.
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({ worker: true, env: { REDIS_URL: redis.url, TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await env?.stop();
    await redis.stop();
  });

  it('after a filing, its mails, its milestones and every limit counter, all keys start with the prefix and share its tag', async () => {
    const prefix = env.config.REDIS_PREFIX;
    const tag = hashTag(prefix);
    expect(tag).toBeTruthy();

    const email = uniqueEmail('claves');
    const body = filingBody({ subjects: ['MINFIN', 'MINECO'], requester: { name: 'Ana López', email } });
    const filed = await env.http.post('/api/v1/requests').set('X-Forwarded-For', '200.6.1.10').send(body).expect(201);
    // The access-code limiter, the login limiter and the routing throttler each keep counters.
    await env.http.get(`/api/v1/requests/${filed.body.folio}`).set('X-Forwarded-For', '200.6.1.10').set('X-Access-Code', 'NOESELCODIGO').expect(403);
    await login(env, 'nadie@ventanilla.local', 'contraseña-equivocada').expect(401);
    await env.http.post('/api/v1/routing/suggestions').set('X-Forwarded-For', '200.6.1.10').send({ description: 'Presupuesto de Patzún' }).expect(200);
    await outboxDrained(env);
    await env.smtp.waitFor(email, 1);
    await mailQueueIdle(env.worker!);

    const client = new Redis(redis.url);
    const keys = await client.keys('*');
    client.disconnect();
    // BullMQ's queues (mail, deadlines, their schedulers) and the counters are all there...
    expect(keys.some((k) => k.startsWith(`${prefix}:bull:mail:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${prefix}:bull:deadlines:`))).toBe(true);
    expect(keys.some((k) => /hits$/.test(k))).toBe(true);
    // ...and not one key is outside the prefix or hashes on another tag.
    expect(keys.filter((k) => !k.startsWith(prefix))).toEqual([]);
    expect(keys.filter((k) => hashTag(k) !== tag)).toEqual([]);
  });
});
