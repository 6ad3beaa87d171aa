import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';

describe('an address no route has (e2e)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('answers a browser with the Spanish "not found" page, not JSON', async () => {
    const res = await env.http.get('/solicitud/GT-2026-000001').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="es"');
    expect(res.text).toContain('href="/"');
  });

  it('keeps the contract\'s JSON for API clients and for every address under /api', async () => {
    const plain = await env.http.get('/solicitud/GT-2026-000001').expect(404);
    expect(plain.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    const api = await env.http.get('/api/v1/no-existe').set('Accept', 'text/html').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    const health = await env.http.post('/health').set('Accept', 'text/html').expect(404);
    expect(health.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
  });

  it('leaves a page\'s own 404 (a folio that does not exist) to the page', async () => {
    const res = await env.http.get('/solicitudes/GT-2026-999999').set('Accept', 'text/html').expect(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
