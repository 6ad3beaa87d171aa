import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ventanilla/config';
import { createDatabaseIfMissing, runMigrations } from '@ventanilla/database';
import { RequiredService, requireServices, ServiceUnreachableError } from '@ventanilla/health';
import { seedCatalog } from '@ventanilla/subjects';

/** Creates the database if needed, applies migrations and seeds the catalog. Idempotent. */
export async function migrateAndSeed(url: string, log: (line: string) => void = () => undefined): Promise<void> {
  if (await createDatabaseIfMissing(url)) log(`Base de datos creada: ${new URL(url).pathname.slice(1)}`);
  const { dataSource, applied } = await runMigrations(url);
  try {
    log(applied.length ? `Migraciones aplicadas: ${applied.join(', ')}` : 'Migraciones: ninguna pendiente');
    const seeded = await seedCatalog(dataSource);
    log(`Catálogo: ${seeded.subjects} sujetos obligados (${seeded.changed} nuevos o cambiados), ${seeded.localHolidays} días locales`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  // `npm start` passes --with-redis: the api and the worker follow, so a missing Redis is said once, here.
  const needs: RequiredService[] = process.argv.includes('--with-redis') ? ['postgres', 'redis'] : ['postgres'];
  Promise.resolve()
    .then(async () => {
      const config = loadConfig();
      await requireServices(config, needs, 'may-be-created');
      await migrateAndSeed(config.DATABASE_URL, (line) => console.log(line));
    })
    .catch((error: unknown) => {
      if (error instanceof ServiceUnreachableError || error instanceof ConfigError) console.error(error.message);
      else console.error('La migración falló:', error);
      process.exit(1);
    });
}
