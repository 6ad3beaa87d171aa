import { MigrationInterface, QueryRunner } from 'typeorm';

/** Appeal `grounds` is free text (contract v1.1); the Art. 55 codes are still recognized and counted. */
export class FreeTextGrounds1765000011001 implements MigrationInterface {
  name = 'FreeTextGrounds1765000011001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ALTER COLUMN appeal_grounds TYPE text`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Free texts longer than the old column are cut rather than lost whole.
    await q.query(`ALTER TABLE cases ALTER COLUMN appeal_grounds TYPE varchar(40) USING left(appeal_grounds, 40)`);
  }
}
