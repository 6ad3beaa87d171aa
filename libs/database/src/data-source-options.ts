import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PoolLimits, poolOptions } from './pool-limits';

/**
 * Connection options shared by the apps, the migrate command and the tests. The apps pass
 * their `PoolLimits`; the migrate command runs without them (a migration may rightly take
 * long, and it waits on an advisory lock while another process migrates).
 */
export function dataSourceOptions(url: string, limits?: PoolLimits): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema belongs to the committed migrations, never to the entities.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, ...(limits ? poolOptions(limits) : {}) },
  };
}
