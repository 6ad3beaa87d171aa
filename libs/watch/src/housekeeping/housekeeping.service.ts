import { Inject, Injectable, Logger } from '@nestjs/common';
import { IdempotencyService } from '@ventanilla/requests';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

const DELETE_BATCH = 5000;

/**
 * Runs with the sweep. Tables that only grow are pruned (relayed outbox rows, expired
 * idempotency keys). Mail lost with a Redis flush is the worker's MailRedelivery's.
 */
@Injectable()
export class Housekeeping {
  private readonly logger = new Logger(Housekeeping.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  async prune(): Promise<{ outbox: number; idempotencyKeys: number }> {
    let outbox = 0;
    // Small deletes, so a long backlog never holds a long lock against the relay.
    for (let deleted = DELETE_BATCH; deleted === DELETE_BATCH; outbox += deleted) {
      const result: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE dispatched_at < now() - make_interval(days => $1) LIMIT ${DELETE_BATCH})`,
        [this.settings.outboxRetentionDays],
      );
      deleted = result[1];
    }
    const idempotencyKeys = await this.idempotency.prune();
    // Wrong-access-code counters that PostgreSQL kept while Redis was down.
    await this.dataSource.query(`DELETE FROM access_code_attempts WHERE expires_at < now()`);
    if (outbox + idempotencyKeys > 0) {
      this.logger.log(`Limpieza: ${outbox} fila(s) del outbox y ${idempotencyKeys} clave(s) de idempotencia eliminadas`);
    }
    return { outbox, idempotencyKeys };
  }
}
