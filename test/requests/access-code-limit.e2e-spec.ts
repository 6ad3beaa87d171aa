import { filingBody, startTestEnvironment, TestEnvironment } from '@ventanilla/testing';

describe('wrong access codes are limited per folio and per address (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment({ env: { ACCESS_CODE_MAX_FAILURES: '3', ACCESS_CODE_LOCK_SECONDS: '60' } });
  });
  afterAll(() => env?.stop());

  it('answers 403 up to the limit, then 429 even for the right code, and the lock covers the address', async () => {
    const a = (await env.http.post('/api/v1/requests').send(filingBody()).expect(201)).body;
    const b = (await env.http.post('/api/v1/requests').send(filingBody()).expect(201)).body;
    for (let i = 0; i < 3; i++) {
      const res = await env.http.get(`/api/v1/requests/${a.folio}`).set('X-Access-Code', `WRONGCODE${i}AA`).expect(403);
      expect(res.body.error).toBe('ACCESS_CODE_INVALID');
    }
    const limited = await env.http.get(`/api/v1/requests/${a.folio}`).set('X-Access-Code', a.accessCode).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same address is locked for other folios too, and for the requester's actions.
    await env.http.get(`/api/v1/requests/${b.folio}`).set('X-Access-Code', b.accessCode).expect(429);
    await env.http.post(`/api/v1/requests/${b.folio}/cases/${b.cases[0].id}/withdrawal`).set('X-Access-Code', b.accessCode).send({}).expect(429);
    // The public view needs no code and stays open.
    await env.http.get(`/api/v1/requests/${a.folio}`).expect(200);
    // When the lock expires, the right code works again.
    const keys: string[] = [];
    let cursor = '0';
    const redis = env.api.get((await import('@ventanilla/queue')).RedisClient).client;
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${env.config.REDIS_PREFIX}:access-fail:*`);
      keys.push(...found.map((k) => k.slice(`${env.config.REDIS_PREFIX}:`.length)));
      cursor = next;
    } while (cursor !== '0');
    expect(keys.length).toBe(2);
    await redis.del(...keys);
    await env.http.get(`/api/v1/requests/${a.folio}`).set('X-Access-Code', a.accessCode).expect(200);
  });
});
