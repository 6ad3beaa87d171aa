import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Creates the database named in `url` if it does not exist (a newcomer's first `npm start`). */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations under an advisory lock, so two processes starting at once
 * never run them twice. Returns the names of the migrations applied.
 */
export async function runMigrations(url: string): Promise<{ dataSource: DataSource; applied: string[] }> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', ['ventanilla:migrations']);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { dataSource, applied: applied.map((m) => m.name) };
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(hashtext($1))', ['ventanilla:migrations']);
  }
}
