import 'tsconfig-paths/register';
import { migrateAndSeed } from '../../apps/api/src/migrate';
import { databaseUrl, uniqueName } from './test-database';

/**
 * Once per run: a template database, migrated and seeded, that each suite clones.
 * Its name reaches the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const template = uniqueName('ventanilla_tpl');
  await migrateAndSeed(databaseUrl(template));
  process.env.VENTANILLA_TEST_TEMPLATE = template;
  process.env.VENTANILLA_TEST_RUN = template.replace('ventanilla_tpl_', '');
}
