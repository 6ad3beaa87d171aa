import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Connection options shared by the apps, the migrate command and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema belongs to the committed migrations, never to the entities.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}
