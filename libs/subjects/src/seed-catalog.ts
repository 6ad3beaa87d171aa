import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** The reviewed data files; nest-cli copies them next to the compiled code. */
const DATA_DIR = join(__dirname, '..', 'data');

export interface CatalogSeedResult {
  subjects: number;
  changed: number;
  localHolidays: number;
}

/** The columns the data file sets. */
const SEEDED = ['name', 'short_name', 'sector', 'department_code', 'department', 'municipality_code', 'competences', 'uip_email'];

/** The file's value, unless an admin set that field (`admin_set`): what an admin set is never overwritten. */
const seeded = (column: string) => `CASE WHEN '${column}' = ANY(subjects.admin_set) THEN subjects.${column} ELSE EXCLUDED.${column} END`;

/**
 * Upserts the catalog of obligated subjects and their local holidays from the data files.
 * A row is only written when something differs, so running it twice changes nothing, and a
 * field an admin set (PATCH /subjects, a CSV import) keeps the admin's value.
 */
export async function seedCatalog(dataSource: DataSource): Promise<CatalogSeedResult> {
  const subjects = readFileSync(join(DATA_DIR, 'subjects.json'), 'utf8');
  const holidays = readFileSync(join(DATA_DIR, 'local-holidays.json'), 'utf8');
  return dataSource.transaction(async (tx) => {
    const changed: unknown[] = await tx.query(
      `INSERT INTO subjects (code, ${SEEDED.join(', ')})
       SELECT code, name, "shortName", sector, "departmentCode", department, "municipalityCode", competences, "uipEmail"
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, "shortName" text, sector text, "departmentCode" text,
            department text, "municipalityCode" text, competences text, "uipEmail" text)
       ON CONFLICT (code) DO UPDATE SET ${SEEDED.map((c) => `${c} = ${seeded(c)}`).join(', ')}
       WHERE (${SEEDED.map((c) => `subjects.${c}`).join(', ')}) IS DISTINCT FROM (${SEEDED.map(seeded).join(', ')})
       RETURNING code`,
      [subjects],
    );
    await tx.query(
      `INSERT INTO local_holidays (subject_code, month, day, name)
       SELECT "subjectCode", month, day, name FROM jsonb_to_recordset($1::jsonb)
         AS x("subjectCode" text, month int, day int, name text)
       ON CONFLICT (subject_code, month, day) DO UPDATE SET name = EXCLUDED.name
       WHERE local_holidays.name IS DISTINCT FROM EXCLUDED.name`,
      [holidays],
    );
    return {
      subjects: (JSON.parse(subjects) as unknown[]).length,
      changed: changed.length,
      localHolidays: (JSON.parse(holidays) as unknown[]).length,
    };
  });
}
