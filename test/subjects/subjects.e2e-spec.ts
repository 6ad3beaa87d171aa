import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';

const MUNICIPALITIES_PER_DEPARTMENT: Record<string, number> = {
  '01': 17, '02': 8, '03': 16, '04': 16, '05': 14, '06': 14, '07': 19, '08': 8, '09': 24, '10': 21, '11': 9,
  '12': 30, '13': 33, '14': 21, '15': 8, '16': 17, '17': 14, '18': 5, '19': 11, '20': 11, '21': 7, '22': 17,
};

describe('catalog of obligated subjects (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('lists exactly 340 municipalities with the right count per department', async () => {
    const res = await env.http.get('/api/v1/subjects?sector=municipal&limit=500').expect(200);
    expect(res.body.total).toBe(340);
    expect(res.body.items).toHaveLength(340);
    const counts: Record<string, number> = {};
    for (const s of res.body.items) counts[s.departmentCode] = (counts[s.departmentCode] ?? 0) + 1;
    expect(counts).toEqual(MUNICIPALITIES_PER_DEPARTMENT);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['active', 'code', 'department', 'departmentCode', 'municipalityCode', 'name', 'sector', 'shortName'].sort(),
    );
  });

  it('finds Patzún ignoring case and accents', async () => {
    for (const q of ['patzun', 'PATZÚN', 'Patzún']) {
      const res = await env.http.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`).expect(200);
      expect(res.body.items[0]).toMatchObject({
        code: 'MUNI-0407', sector: 'municipal', departmentCode: '04', department: 'Chimaltenango', municipalityCode: '0407',
      });
    }
  });

  it('filters by department and paginates', async () => {
    const page1 = await env.http.get('/api/v1/subjects?sector=municipal&departmentCode=04&limit=10').expect(200);
    const page2 = await env.http.get('/api/v1/subjects?sector=municipal&departmentCode=04&limit=10&offset=10').expect(200);
    expect(page1.body.total).toBe(16);
    expect(page1.body.items).toHaveLength(10);
    expect(page2.body.items).toHaveLength(6);
    expect(new Set([...page1.body.items, ...page2.body.items].map((s: { code: string }) => s.code)).size).toBe(16);
  });

  it('returns the contract codes for central bodies', async () => {
    const all = await env.http.get('/api/v1/subjects?limit=500').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(380);
    for (const code of ['MINFIN', 'MINECO', 'MINGOB', 'MINEDUC', 'MSPAS', 'SEGEPLAN', 'INFOM', 'SAT', 'CGC', 'CONGRESO', 'PDH']) {
      const res = await env.http.get(`/api/v1/subjects/${code}`).expect(200);
      expect(res.body).toMatchObject({ code, active: true, departmentCode: null, municipalityCode: null });
    }
  });

  it('answers bad requests with the contract error body, never a 500', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/subjects?sector=galactic', 400, 'sector'],
      ['/api/v1/subjects?limit=0', 400, 'limit'],
      ['/api/v1/subjects?limit=501', 400, 'limit'],
      ['/api/v1/subjects?limit=abc', 400, 'limit'],
      ['/api/v1/subjects?offset=-1', 400, 'offset'],
      ['/api/v1/subjects?offset=99999999999999999999', 400, 'offset'],
      ['/api/v1/subjects?departmentCode=4', 400, 'departmentCode'],
      ['/api/v1/subjects?unknown=1', 400, 'unknown'],
      [`/api/v1/subjects?q=${'x'.repeat(201)}`, 400, 'q'],
    ];
    for (const [url, status, field] of cases) {
      const res = await env.http.get(url).expect(status);
      expect(res.body).toMatchObject({ statusCode: status, error: 'VALIDATION_FAILED' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(typeof res.body.message).toBe('string');
    }
    // A NUL byte never reaches PostgreSQL (which would fail on it).
    for (const url of ['/api/v1/subjects/%00', '/api/v1/subjects?q=a%00b']) {
      expect((await env.http.get(url).expect(400)).body.error).toBe('VALIDATION_FAILED');
    }
    await env.http.get(`/api/v1/subjects/${encodeURIComponent('ñ'.repeat(50))}`).expect(404);
    const missing = await env.http.get('/api/v1/subjects/NOPE').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', details: [] });
    const unknownRoute = await env.http.get('/api/v1/nowhere').set('Accept-Language', 'en').expect(404);
    expect(unknownRoute.body).toEqual({ statusCode: 404, error: 'NOT_FOUND', message: 'The resource was not found.', details: [] });
    // Wildcards are literal characters, not LIKE patterns.
    const wildcard = await env.http.get('/api/v1/subjects?q=%25').expect(200);
    expect(wildcard.body.total).toBe(0);
  });

  it('reports health of the database and Redis', async () => {
    const res = await env.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });
});
