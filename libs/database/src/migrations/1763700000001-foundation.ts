import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog of obligated subjects and the calendar's own data.
 * `unaccent` is only STABLE, so an IMMUTABLE wrapper lets generated columns and indexes use it.
 */
export class Foundation1763700000001 implements MigrationInterface {
  name = 'Foundation1763700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = pg_catalog.spanish)`);
    await q.query(`
      ALTER TEXT SEARCH CONFIGURATION es_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem`);

    await q.query(`
      CREATE TABLE subjects (
        code varchar(40) PRIMARY KEY,
        name text NOT NULL,
        short_name text NOT NULL,
        sector varchar(20) NOT NULL CHECK (sector IN
          ('executive','legislative','judicial','municipal','autonomous','decentralized','other')),
        department_code char(2),
        department text,
        municipality_code char(4),
        competences text,
        uip_email text,
        active boolean NOT NULL DEFAULT true,
        works_saturdays boolean NOT NULL DEFAULT false,
        closing_time varchar(5),
        search_text text GENERATED ALWAYS AS (lower(immutable_unaccent(
          code || ' ' || name || ' ' || short_name || ' ' || coalesce(department, '')))) STORED,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('es_unaccent', name || ' ' || short_name || ' ' || code), 'A') ||
          setweight(to_tsvector('es_unaccent', coalesce(department, '')), 'B') ||
          setweight(to_tsvector('es_unaccent', coalesce(competences, '')), 'C')) STORED
      )`);
    await q.query(`CREATE INDEX subjects_search_text_trgm ON subjects USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX subjects_search_vector ON subjects USING gin (search_vector)`);
    await q.query(`CREATE INDEX subjects_sector_department ON subjects (sector, department_code)`);

    // Days a subject never works, every year (a municipality's fiesta titular).
    await q.query(`
      CREATE TABLE local_holidays (
        subject_code varchar(40) NOT NULL REFERENCES subjects(code),
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        day smallint NOT NULL CHECK (day BETWEEN 1 AND 31),
        name text NOT NULL,
        PRIMARY KEY (subject_code, month, day)
      )`);
    // Dated días inhábiles: declared by decree for everyone (subject_code NULL) or for one subject.
    await q.query(`
      CREATE TABLE non_business_days (
        id serial PRIMARY KEY,
        date date NOT NULL,
        name text NOT NULL,
        subject_code varchar(40) REFERENCES subjects(code),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNIQUE INDEX non_business_days_unique ON non_business_days (date, coalesce(subject_code, ''))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE non_business_days`);
    await q.query(`DROP TABLE local_holidays`);
    await q.query(`DROP TABLE subjects`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION es_unaccent`);
    await q.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
