import { dataSourceOptions, MIGRATIONS } from '@ventanilla/database';
import { cloneDatabase, databaseUrl, dropDatabase, uniqueName } from '@ventanilla/testing';
import { DataSource } from 'typeorm';
import { migrateAndSeed } from '../../apps/api/src/migrate';

describe('migrations and the catalog seed (e2e)', () => {
  const name = uniqueName(`ventanilla_t_${process.env.VENTANILLA_TEST_RUN}`);
  const url = databaseUrl(name);
  let db: DataSource;

  beforeAll(async () => {
    await cloneDatabase(process.env.VENTANILLA_TEST_TEMPLATE!, name);
    db = await new DataSource(dataSourceOptions(url)).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  const fingerprint = async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM subjects)::int AS subjects,
              (SELECT md5(string_agg(s::text, '' ORDER BY code)) FROM subjects s) AS digest,
              (SELECT count(*) FROM local_holidays)::int AS local_holidays,
              (SELECT revision FROM calendar_revision)::text AS revision,
              (SELECT count(*) FROM migrations)::int AS migrations`,
    );
    return row;
  };

  it('migrating and seeding again changes nothing', async () => {
    const before = await fingerprint();
    await migrateAndSeed(url);
    expect(await fingerprint()).toEqual(before);
    expect(before.migrations).toBe(MIGRATIONS.length);
  });

  it('every migration goes down and up again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
    const left: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left).toEqual([]);
    await migrateAndSeed(url);
    const after = await fingerprint();
    expect(after.migrations).toBe(MIGRATIONS.length);
    expect(after.subjects).toBeGreaterThanOrEqual(380);
  });
});
