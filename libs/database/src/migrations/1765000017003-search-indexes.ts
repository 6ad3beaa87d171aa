import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text indexes for /buscar at national volume: without them every search computed
 * `to_tsvector` over every request's description (11 s at 1M requests, past the statement
 * limit: the page failed). The expressions are the search's own, so the planner matches them.
 * Building both takes about a minute and a half at 1M cases on a busy 2-core machine.
 */
export class SearchIndexes1765000017003 implements MigrationInterface {
  name = 'SearchIndexes1765000017003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX requests_description_search ON requests USING gin (to_tsvector('es_unaccent', description))`);
    await q.query(`
      CREATE INDEX cases_resolution_search ON cases USING gin (to_tsvector('es_unaccent', resolution_text))
      WHERE resolution_text IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_resolution_search`);
    await q.query(`DROP INDEX requests_description_search`);
  }
}
