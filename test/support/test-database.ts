import { dataSourceOptions } from '@ventanilla/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Where the e2e suites' PostgreSQL lives; a run creates and drops its own databases there. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function cloneDatabase(template: string, name: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * A database of a suite's own, cloned from the run's migrated template (VENTANILLA_TEST_TEMPLATE),
 * with a TypeORM DataSource on it, for suites that read the schema or the planner without an
 * app; `close()` ends the DataSource and drops the database.
 */
export interface ScratchDataSource {
  db: DataSource;
  close(): Promise<void>;
}

export async function scratchDataSource(): Promise<ScratchDataSource> {
  const name = uniqueName(`ventanilla_t_${process.env.VENTANILLA_TEST_RUN}`);
  await cloneDatabase(process.env.VENTANILLA_TEST_TEMPLATE!, name);
  const db = await new DataSource(dataSourceOptions(databaseUrl(name))).initialize();
  return {
    db,
    close: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}
