import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { Client } from 'pg';

/**
 * /buscar counts and ranks at most a thousand matches (PublicRequestsService.search): a word
 * nearly every request contains would otherwise have the database count and rank them all, past
 * the statement limit at national volume. Here 1,001 requests contain «alcantarillado» and
 * exactly 1,000 of them «tuberías»: the first is "más de mil", the second still exact.
 */
describe('/buscar bounds its count (e2e)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO requests (folio, access_code_hash, description, delivery_format, requester_name, channel, filed_at)
         SELECT 'T-BUSCAR-' || n, 'x', 'Solicito los planos del alcantarillado' || CASE WHEN n <= 1000 THEN ' y sus tuberías' ELSE '' END || ' del sector ' || n,
                'electronic', 'Persona de prueba', 'web', now() - n * interval '1 minute'
           FROM generate_series(1, 1001) AS n`,
      );
    } finally {
      await db.end();
    }
  });
  afterAll(async () => {
    await env?.stop();
  });

  const status = async (q: string, page = 1) => {
    const html = (await env.http.get(`/buscar?q=${encodeURIComponent(q)}&pagina=${page}`).expect(200)).text;
    return { html, status: /<p role="status">([^<]*)<\/p>/.exec(html)?.[1].replace(/&laquo;|«/g, '«').replace(/&raquo;|»/g, '»') };
  };

  it('says "más de mil" when more than a thousand requests match, and pages through the first thousand', async () => {
    const first = await status('alcantarillado');
    expect(first.status).toContain('Más de mil solicitudes encontradas para «alcantarillado»');
    expect(first.html).toContain('Página 1 de 50');
    expect((first.html.match(/T-BUSCAR-\d+/g) ?? []).length).toBeGreaterThanOrEqual(20);
    const last = await status('alcantarillado', 50);
    expect(last.html).toContain('Página 50 de 50');
    expect(new Set(last.html.match(/T-BUSCAR-\d+/g)).size).toBe(20);
  });

  it('gives the exact count up to a thousand', async () => {
    expect((await status('tuberias')).status).toContain('Solicitudes encontradas para «tuberias»: 1000');
    expect((await status('sector 1001')).status).toContain('Solicitudes encontradas para «sector 1001»: 1');
  });
});
