import { Inject, Injectable, Logger } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { poolLimits, poolOptions } from './pool-limits';

/** How long /health waits for the replica's answer before calling it down. */
const PING_TIMEOUT_MS = 2000;

/**
 * Where reads that may lag a little behind go: monitoring, open data, the public statistics and
 * reports. With DATABASE_READ_URL set they run on that replica (TypeORM replication's read
 * pool), which takes that load off the primary; without it, on the primary. Only reads come
 * here — a replica refuses writes, and everything else (writes, and reads that must see their
 * own writes: a filing's answer, the requester's view, an officer's inbox) stays on the primary.
 *
 * The replica's pool is attached to TypeORM's driver here rather than listed in the
 * `replication` option: TypeORM connects to every listed replica while it starts and
 * fails the whole DataSource if one cannot be reached, so a replica that is down kept the api
 * (and the worker) from starting at all. A pg Pool connects on demand: the api starts on the
 * primary alone, the replica's reads answer 503 with Retry-After while it is down (as when the
 * database is), and they work again as soon as it is back. They never fall back to the primary:
 * the replica is there to keep that load (a 1M-row export) off it.
 */
@Injectable()
export class ReadReplica {
  private readonly logger = new Logger(ReadReplica.name);
  /** Whether DATABASE_READ_URL is set (else `run` reads the primary). */
  readonly configured: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EnvDto) config: EnvDto,
  ) {
    this.configured = Boolean(config.DATABASE_READ_URL);
    if (config.DATABASE_READ_URL) this.attach(config.DATABASE_READ_URL, poolOptions(poolLimits(config)));
  }

  /** The replica's pool as TypeORM's read pool: `createQueryRunner('slave')` and `obtainSlaveConnection()` take it. */
  private attach(url: string, limits: Record<string, unknown>): void {
    const driver = this.dataSource.driver as PostgresDriver;
    const pool = new Pool({ connectionString: url, max: 20, ...limits });
    // An idle connection the replica drops is an error event on the pool; unheard, it would end the process.
    pool.on('error', (error) => this.logger.warn(`La réplica de lectura cerró una conexión: ${error.message}`));
    driver.slaves = [pool];
  }

  /** Runs `read` on one replica connection (one snapshot per statement), released afterwards. */
  async run<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await read(runner.manager);
    } finally {
      await runner.release();
    }
  }

  query<T = unknown>(sql: string, params?: unknown[]): Promise<T> {
    return this.run((manager) => manager.query(sql, params) as Promise<T>);
  }

  /** For /health: whether the replica answers now; undefined without one. */
  async state(): Promise<'up' | 'down' | undefined> {
    if (!this.configured) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('sin respuesta')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.query('SELECT 1'), timeout]);
      return 'up';
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
