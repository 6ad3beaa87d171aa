import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the portal's reads at national volume (bench/portal.bench.ts, 1M cases):
 * - an officer's cases in the listing's whole order (term, then received, then id), so a page
 *   is read in order instead of sorting every case sharing a term;
 * - the same for open cases only (the inbox), small and in order;
 * - a body's cases by when it received them (its page's recent requests).
 */
export class PortalIndexes1765000017002 implements MigrationInterface {
  name = 'PortalIndexes1765000017002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_subject_listing ON cases (subject_code, term_due_date, received_at, id)`);
    await q.query(`
      CREATE INDEX cases_subject_inbox ON cases (subject_code, term_due_date, received_at, id)
      WHERE status IN ('received', 'clarification_requested', 'extended')`);
    await q.query(`CREATE INDEX cases_subject_received ON cases (subject_code, received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_subject_received`);
    await q.query(`DROP INDEX cases_subject_inbox`);
    await q.query(`DROP INDEX cases_subject_listing`);
  }
}
