import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where reads that may lag a little behind go: monitoring, open data, the public statistics and
 * reports. With DATABASE_READ_URL set they run on that replica (TypeORM replication's read
 * pool), which takes that load off the primary; without it, on the primary. Only reads come
 * here — a replica refuses writes, and everything else (writes, and reads that must see their
 * own writes: a filing's answer, the requester's view, an officer's inbox) stays on the primary.
 */
@Injectable()
export class ReadReplica {
  constructor(private readonly dataSource: DataSource) {}

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
}
