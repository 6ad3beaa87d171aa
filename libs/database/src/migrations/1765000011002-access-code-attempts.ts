import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of wrong access codes, kept here only while Redis cannot be reached, so the limits
 * hold through an outage (libs/requests/src/access-code-limiter.ts). Expired rows are pruned by
 * the worker's housekeeping.
 */
export class AccessCodeAttempts1765000011002 implements MigrationInterface {
  name = 'AccessCodeAttempts1765000011002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_code_attempts (
        key text PRIMARY KEY,
        count integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_code_attempts`);
  }
}
