import { filingBody, PrivateRedis, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';

describe('filing while Redis is down (e2e)', () => {
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({ worker: true, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.start();
    await env?.stop();
    await redis.stop();
  });

  it('files with Redis stopped, and the queued mail goes out once Redis is back', async () => {
    await redis.stop();
    await env.http.get('/health').expect(503);
    const email = uniqueEmail('down');
    const res = await env.http.post('/api/v1/requests').send(filingBody({ requester: { name: 'Ana', email } })).expect(201);
    const [pending] = await env.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    expect(pending.n).toBeGreaterThanOrEqual(1);
    await env.http.get(`/api/v1/requests/${res.body.folio}`).expect(200);

    await redis.start();
    const [mail] = await env.smtp.waitFor(email, 1, 30000);
    expect(mail.text).toContain(res.body.accessCode);
    const [after] = await env.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    expect(after.n).toBe(0);
    await env.http.get('/health').expect(200);
    // Exactly once: nothing more arrives.
    await new Promise((r) => setTimeout(r, 1000));
    expect(env.smtp.to(email)).toHaveLength(1);
  });
});
