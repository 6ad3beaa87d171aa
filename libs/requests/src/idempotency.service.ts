import { Inject, Injectable } from '@nestjs/common';
import { EnvDto, Sealed, seal, unseal } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Keys are honoured for at least 24 hours; rows older than this are ignored and pruned. */
const RETENTION_HOURS = 48;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * `Idempotency-Key`: the first answer is stored with the key and returned to every retry.
 * The answer holds the access code, which the service must not keep readable, so it is
 * sealed with AES-256-GCM under a key derived from the client's idempotency key and the
 * server secret: only a retry that presents the same key can read it back.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  static validKey(key: string | undefined): key is string {
    return typeof key === 'string' && /^[\x21-\x7e]{1,200}$/.test(key);
  }

  static hashBody(body: unknown): string {
    return createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
  }

  /** The stored answer for this key, or null; 422 when the key was used for a different body. */
  async find(scope: string, key: string, bodyHash: string, manager: EntityManager = this.dataSource.manager): Promise<StoredResponse | null> {
    const rows: { request_hash: string; status: number; response: Sealed }[] = await manager.query(
      `SELECT request_hash, status, response FROM idempotency_keys
       WHERE scope = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
      [scope, key, RETENTION_HOURS],
    );
    if (rows.length === 0) return null;
    if (rows[0].request_hash !== bodyHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    }
    return { status: rows[0].status, body: this.open(scope, key, rows[0].response) };
  }

  /**
   * Records the answer in the caller's transaction. A concurrent request with the same key
   * waits on the primary key and then fails; the caller then returns the stored answer.
   */
  async save(manager: EntityManager, scope: string, key: string, bodyHash: string, response: StoredResponse): Promise<void> {
    await manager.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at <= now() - make_interval(hours => $3)`, [
      scope,
      key,
      RETENTION_HOURS,
    ]);
    await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)`,
      [scope, key, bodyHash, response.status, JSON.stringify(this.seal(scope, key, response.body))],
    );
  }

  /** Drops keys past retention; called by the worker's periodic sweep. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1)`,
      [RETENTION_HOURS],
    );
    return result[1];
  }

  private context(scope: string, key: string): string {
    return `idempotency\n${scope}\n${key}`;
  }

  private seal(scope: string, key: string, body: unknown): Sealed {
    return seal(this.config.JWT_SECRET, this.context(scope, key), body);
  }

  private open(scope: string, key: string, sealed: Sealed): unknown {
    return unseal(this.config.JWT_SECRET, this.context(scope, key), sealed);
  }
}
