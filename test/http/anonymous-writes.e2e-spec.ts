import { EnvDto } from '@ventanilla/config';
import { filingBody, PrivateRedis, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';

/** The shipped defaults, so this suite proves the numbers a deployment gets. */
const DEFAULTS = new EnvDto();
const PORTAL = 'https://portal.ejemplo.gob.gt';

describe('anonymous writes are throttled; headers and CORS as the contract says (e2e)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({
      env: {
        TRUST_PROXY: 'true',
        CORS_ORIGINS: `${PORTAL}, https://otro.ejemplo.gob.gt`,
        FILING_ADDRESS_LIMIT: String(DEFAULTS.FILING_ADDRESS_LIMIT),
        FILING_RECIPIENT_DAILY_LIMIT: String(DEFAULTS.FILING_RECIPIENT_DAILY_LIMIT),
        ROUTING_ADDRESS_LIMIT: '5',
        SEARCH_ADDRESS_LIMIT: '3',
      },
    });
  });
  afterAll(() => env?.stop());

  const requests = async () => Number((await env.db.query(`SELECT count(*)::int AS n FROM requests`))[0].n);
  const file = (address: string, email = uniqueEmail('lim'), body: Record<string, unknown> = {}) =>
    env.http
      .post('/api/v1/requests')
      .set('X-Forwarded-For', address)
      .send(filingBody({ subjects: ['MINFIN'], requester: { name: 'Ana López', email }, ...body }));

  it(`files ${DEFAULTS.FILING_ADDRESS_LIMIT} requests an hour from one address, then 429 with Retry-After in Spanish`, async () => {
    expect(DEFAULTS.FILING_ADDRESS_LIMIT).toBe(30);
    for (let i = 0; i < DEFAULTS.FILING_ADDRESS_LIMIT; i++) await file('190.56.1.1').expect(201);
    const before = await requests();
    const refused = await file('190.56.1.1').expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED', message: expect.stringMatching(/límite/) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await file('190.56.1.1').set('Accept-Language', 'en').expect(429)).body.message).toMatch(/limit/);
    expect(await requests()).toBe(before);
    // Another address is not affected.
    await file('190.56.1.2').expect(201);
  });

  it(`sends one recipient at most ${DEFAULTS.FILING_RECIPIENT_DAILY_LIMIT} confirmations a day, whatever the addresses`, async () => {
    expect(DEFAULTS.FILING_RECIPIENT_DAILY_LIMIT).toBe(10);
    const email = uniqueEmail('victima');
    // Filings refused by validation send nothing, so they are not charged.
    for (let i = 0; i < 3; i++) await file(`200.1.0.${i}`, email, { description: 'corta' }).expect(400);
    for (let i = 0; i < DEFAULTS.FILING_RECIPIENT_DAILY_LIMIT; i++) await file(`200.1.1.${i}`, email).expect(201);
    const before = await requests();
    const refused = await file('200.1.2.1', email.toUpperCase()).expect(429);
    expect(refused.body).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('correo') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(80000);
    expect(await requests()).toBe(before);
    // The recipient's address never reaches Redis in the clear.
    const keys = await env.api.get((await import('@ventanilla/queue')).RedisClient).client.keys(`${env.config.REDIS_PREFIX}:*recipient*`);
    expect(keys.join(' ')).not.toContain(email.split('@')[0]);
    await file('200.1.2.1', uniqueEmail('otra')).expect(201);
  });

  it('limits routing suggestions per address, apart from filing', async () => {
    const suggest = (address: string) => env.http.post('/api/v1/routing/suggestions').set('X-Forwarded-For', address).send({ description: 'presupuesto municipal' });
    for (let i = 0; i < 5; i++) await suggest('181.2.2.2').expect(200);
    const refused = await suggest('181.2.2.2').expect(429);
    expect(refused.body.error).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await suggest('181.2.2.3').expect(200);
    await file('181.2.2.2').expect(201);
  });

  it('limits public searches per address (the page says so in Spanish), apart from filing', async () => {
    const search = (address: string) => env.http.get('/buscar?q=presupuesto').set('X-Forwarded-For', address);
    for (let i = 0; i < 3; i++) await search('181.3.3.3').expect(200);
    const refused = await search('181.3.3.3').expect(429);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toContain('Demasiados intentos');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await search('181.3.3.4').expect(200);
    await file('181.3.3.3').expect(201);
  });

  describe('security headers', () => {
    it('sends nosniff, no framing, a CSP and no X-Powered-By on every answer, errors included', async () => {
      for (const res of [await env.http.get('/api/v1/subjects/MINFIN').expect(200), await env.http.get('/api/v1/nada').expect(404)]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('gives HTML a CSP without inline scripts', async () => {
      const res = await env.http.get('/api/docs').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
    });

    it('sends HSTS when the trusted proxy says the request came over TLS', async () => {
      const tls = await env.http.get('/api/v1/subjects/MINFIN').set('X-Forwarded-Proto', 'https').expect(200);
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const plain = await env.http.get('/api/v1/subjects/MINFIN').set('X-Forwarded-Proto', 'http').expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    it('answers public reads from any origin, preflight included', async () => {
      const read = await env.http.get('/api/v1/subjects?q=finanzas').set('Origin', 'https://cualquiera.example').expect(200);
      expect(read.headers['access-control-allow-origin']).toBe('*');
      const filed = (await file('190.60.0.1').expect(201)).body;
      const preflight = await env.http
        .options(`/api/v1/requests/${filed.folio}`)
        .set('Origin', 'https://cualquiera.example')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'x-access-code')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/x-access-code/i);
      const view = await env.http.get(`/api/v1/requests/${filed.folio}`).set('Origin', 'https://cualquiera.example').set('X-Access-Code', filed.accessCode).expect(200);
      expect(view.headers['access-control-allow-origin']).toBe('*');
      for (const path of ['/api/v1/calendar/non-business-days?year=2026', '/api/v1/stats/subjects', '/api/v1/open-data/cases?format=json']) {
        expect((await env.http.get(path).set('Origin', 'https://cualquiera.example').expect(200)).headers['access-control-allow-origin']).toBe('*');
      }
    });

    it('answers writes and staff endpoints only for CORS_ORIGINS', async () => {
      const preflight = (origin: string, path: string, method = 'POST') =>
        env.http.options(path).set('Origin', origin).set('Access-Control-Request-Method', method).set('Access-Control-Request-Headers', 'content-type,idempotency-key');
      const allowed = await preflight(PORTAL, '/api/v1/requests').expect(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(PORTAL);
      expect(allowed.headers['access-control-allow-methods']).toContain('POST');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/idempotency-key/i);
      expect(allowed.headers.vary).toMatch(/Origin/);
      const stranger = await preflight('https://cualquiera.example', '/api/v1/requests');
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
      const filing = await file('190.60.0.2').set('Origin', 'https://cualquiera.example').expect(201);
      expect(filing.headers['access-control-allow-origin']).toBeUndefined();
      const fromPortal = await file('190.60.0.3').set('Origin', PORTAL).expect(201);
      expect(fromPortal.headers['access-control-allow-origin']).toBe(PORTAL);
      const staff = await env.http.get('/api/v1/cases').set('Origin', 'https://cualquiera.example').expect(401);
      expect(staff.headers['access-control-allow-origin']).toBeUndefined();
      expect((await preflight('https://otro.ejemplo.gob.gt', '/api/v1/cases', 'GET').expect(204)).headers['access-control-allow-origin']).toBe(
        'https://otro.ejemplo.gob.gt',
      );
    });
  });
});

describe('anonymous-write limits and headers while Redis is down, without TRUST_PROXY (e2e)', () => {
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({ env: { REDIS_URL: redis.url, FILING_ADDRESS_LIMIT: '3' } });
  });
  afterAll(async () => {
    await redis.start();
    await env?.stop();
    await redis.stop();
  });

  it('keeps limiting filings (in memory) rather than switching off or failing', async () => {
    await redis.stop();
    for (let i = 0; i < 3; i++) await env.http.post('/api/v1/requests').send(filingBody({ requester: { name: 'Ana', email: uniqueEmail('caida') } })).expect(201);
    const refused = await env.http.post('/api/v1/requests').send(filingBody()).expect(429);
    expect(refused.body.error).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Without TRUST_PROXY, claiming another address does not escape the limit.
    await env.http.post('/api/v1/requests').set('X-Forwarded-For', '9.9.9.9').send(filingBody()).expect(429);
    await redis.start();
  });

  it('sends no HSTS on the word of an untrusted X-Forwarded-Proto', async () => {
    const res = await env.http.get('/api/v1/subjects/MINFIN').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
