import { ScratchDataSource, scratchDataSource } from '@ventanilla/testing';
import { DataSource } from 'typeorm';

/**
 * /buscar reads descriptions and answers through their full-text indexes (migration
 * 1765000017003): at a million requests, a search that computes every text vector outlives
 * the statement limit and the page fails. The planner is told to avoid sequential scans, as
 * a national-size table would make it choose; without the indexes it has nothing else.
 */
describe('the public search uses its full-text indexes (e2e)', () => {
  let db: DataSource;
  let scratch: ScratchDataSource | undefined;
  beforeAll(async () => {
    scratch = await scratchDataSource();
    db = scratch.db;
  });
  afterAll(() => scratch?.close());

  const plan = (sql: string) =>
    db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`);
      const rows: { 'QUERY PLAN': string }[] = await tx.query(`EXPLAIN ${sql}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });

  it('matches descriptions on requests_description_search and answers on cases_resolution_search', async () => {
    const q = `websearch_to_tsquery('es_unaccent', 'presupuesto caminos')`;
    expect(await plan(`SELECT id FROM requests m WHERE to_tsvector('es_unaccent', m.description) @@ ${q}`)).toContain('requests_description_search');
    expect(await plan(`SELECT request_id FROM cases c WHERE c.resolution_text IS NOT NULL AND to_tsvector('es_unaccent', c.resolution_text) @@ ${q}`)).toContain(
      'cases_resolution_search',
    );
  });
});
