import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter bumped by triggers on every change to the calendar's data (declared days, local
 * holidays, a subject's Saturdays or closing time). Each process caches the calendar per
 * revision and reads this one row before using it, so no process serves a stale day.
 * Row triggers: a statement that changes nothing (re-seeding the catalog) keeps every cache.
 */
export class CalendarRevision1763700000003 implements MigrationInterface {
  name = 'CalendarRevision1763700000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_revision (id boolean PRIMARY KEY DEFAULT true CHECK (id), revision bigint NOT NULL)`);
    await q.query(`INSERT INTO calendar_revision (revision) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION bump_calendar_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE calendar_revision SET revision = revision + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER non_business_days_revision AFTER INSERT OR UPDATE OR DELETE ON non_business_days
      FOR EACH ROW EXECUTE FUNCTION bump_calendar_revision()`);
    await q.query(`
      CREATE TRIGGER local_holidays_revision AFTER INSERT OR UPDATE OR DELETE ON local_holidays
      FOR EACH ROW EXECUTE FUNCTION bump_calendar_revision()`);
    await q.query(`
      CREATE TRIGGER subjects_calendar_revision AFTER UPDATE OF works_saturdays, closing_time ON subjects
      FOR EACH ROW EXECUTE FUNCTION bump_calendar_revision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER subjects_calendar_revision ON subjects`);
    await q.query(`DROP TRIGGER local_holidays_revision ON local_holidays`);
    await q.query(`DROP TRIGGER non_business_days_revision ON non_business_days`);
    await q.query(`DROP FUNCTION bump_calendar_revision()`);
    await q.query(`DROP TABLE calendar_revision`);
  }
}
