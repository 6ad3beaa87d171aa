import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar revision comes from a sequence instead of `revision + 1`. A sequence never hands
 * out a value twice, even when the transaction that took it rolls back, so a revision names one
 * content of the calendar for good: a process may cache the calendar it loaded inside a
 * transaction (seeing its own uncommitted revision) without another transaction ever reading a
 * different calendar under the same number.
 */
export class CalendarRevisionSequence1765000013001 implements MigrationInterface {
  name = 'CalendarRevisionSequence1765000013001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE calendar_revision_seq`);
    await q.query(`SELECT setval('calendar_revision_seq', (SELECT revision FROM calendar_revision))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bump_calendar_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE calendar_revision SET revision = nextval('calendar_revision_seq');
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION bump_calendar_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE calendar_revision SET revision = revision + 1;
        RETURN NULL;
      END $$`);
    await q.query(`DROP SEQUENCE calendar_revision_seq`);
  }
}
