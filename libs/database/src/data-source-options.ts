import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PoolLimits, poolOptions } from './pool-limits';

/**
 * Connection options shared by the apps, the migrate command and the tests. The apps pass
 * their `PoolLimits`; the migrate command runs without them (a migration may rightly take
 * long, and it waits on an advisory lock while another process migrates).
 * With `readUrl` (DATABASE_READ_URL, a replica) TypeORM runs in replication mode, every query
 * still on the primary unless it asks for the replica (`ReadReplica`), so a write or a read
 * that must see the caller's own write never lands on a replica that lags behind. The
 * replica's pool is not listed here: TypeORM connects to each listed one at start and fails
 * the whole start if it cannot; `ReadReplica` attaches it once the primary's is open.
 */
export function dataSourceOptions(url: string, limits?: PoolLimits, readUrl?: string): DataSourceOptions {
  return {
    type: 'postgres',
    ...(readUrl ? { replication: { master: { url }, slaves: [], defaultMode: 'master' as const } } : { url }),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema belongs to the committed migrations, never to the entities.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, ...(limits ? poolOptions(limits) : {}) },
  };
}
