import { dropDatabase, withAdmin } from './test-database';

/** Drops the template and any suite database a crashed suite left behind. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.VENTANILLA_TEST_RUN;
  const template = process.env.VENTANILLA_TEST_TEMPLATE;
  if (!run || !template) return;
  const { rows } = await withAdmin((c) =>
    c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`ventanilla_t_${run}_%`]),
  );
  for (const { datname } of rows) await dropDatabase(datname);
  await dropDatabase(template);
}
