import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index behind the PDH's monitoring (libs/monitoring). Every figure is an aggregate over
 * one subject's cases received in a period, so the index is keyed by subject then reception day
 * and carries (INCLUDE) exactly the columns the aggregates read: PostgreSQL answers from the
 * index alone (index-only scan), subject by subject, already grouped for the GROUP BY — for all
 * bodies, a sector, a department or one body's Art. 48 report alike. A second index led by
 * reception day was measured and never chosen, even for a one-week period over every body.
 * No summary table: a year of a million-case history aggregates in well under the 500 ms budget
 * (bench/monitoring.bench.ts), and there is nothing to keep in sync.
 */
export class Monitoring1763700000008 implements MigrationInterface {
  name = 'Monitoring1763700000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX cases_monitoring_subject ON cases (subject_code, received_on)
      INCLUDE (status, term_due_date, extended_due_date, resolution_type, resolution_on_time, business_days_taken, appeal_status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_monitoring_subject`);
  }
}
