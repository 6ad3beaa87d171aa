import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision of the subjects' catalog, bumped from a sequence by a trigger on every change to
 * `subjects` (a new body, a rename, one deactivated, a UIP address). Each process caches the
 * catalog per revision and reads this one row (with the calendar's, in the same query) instead
 * of the subjects themselves on every filing; a sequence never hands a value out twice, so a
 * revision names one content for good, as the calendar's does. An update that changes nothing
 * (re-seeding the catalog) keeps every cache.
 */
export class CatalogRevision1765000017001 implements MigrationInterface {
  name = 'CatalogRevision1765000017001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE catalog_revision_seq`);
    await q.query(`CREATE TABLE catalog_revision (id boolean PRIMARY KEY DEFAULT true CHECK (id), revision bigint NOT NULL)`);
    await q.query(`INSERT INTO catalog_revision (revision) VALUES (nextval('catalog_revision_seq'))`);
    await q.query(`
      CREATE FUNCTION bump_catalog_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE catalog_revision SET revision = nextval('catalog_revision_seq');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER subjects_catalog_revision AFTER INSERT OR DELETE ON subjects
      FOR EACH ROW EXECUTE FUNCTION bump_catalog_revision()`);
    await q.query(`
      CREATE TRIGGER subjects_catalog_revision_update AFTER UPDATE ON subjects
      FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION bump_catalog_revision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER subjects_catalog_revision_update ON subjects`);
    await q.query(`DROP TRIGGER subjects_catalog_revision ON subjects`);
    await q.query(`DROP FUNCTION bump_catalog_revision()`);
    await q.query(`DROP TABLE catalog_revision`);
    await q.query(`DROP SEQUENCE catalog_revision_seq`);
  }
}
