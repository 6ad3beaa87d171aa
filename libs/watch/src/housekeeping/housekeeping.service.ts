import { Inject, Injectable, Logger } from '@nestjs/common';
import { IdempotencyService } from '@ventanilla/requests';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

const DELETE_BATCH = 5000;
/** A mail relayed this long ago and still not in `sent_mails` was probably lost with Redis. */
const MAIL_REDELIVERY_MINUTES = 15;
const REDELIVERY_BATCH = 1000;

/**
 * Runs with the sweep. Tables that only grow are pruned (relayed outbox rows, expired
 * idempotency keys), and mail lost with a Redis flush is handed to the relay again.
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

  /**
   * A mail job lives only in Redis once relayed; if Redis lost it, its outbox row is marked
   * pending again and relayed under the same job id (a job still in Redis is not duplicated,
   * and `sent_mails` keeps a message from going out twice).
   */
  async redeliverLostMail(): Promise<number> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbox SET dispatched_at = NULL WHERE id IN (
         SELECT o.id FROM outbox o
         WHERE o.queue = 'mail'
           AND o.dispatched_at < now() - make_interval(mins => $1)
           AND o.dispatched_at > now() - make_interval(days => $2)
           AND NOT EXISTS (SELECT 1 FROM sent_mails m WHERE m.key = o.payload->>'key')
         LIMIT ${REDELIVERY_BATCH})`,
      [MAIL_REDELIVERY_MINUTES, this.settings.outboxRetentionDays],
    );
    if (count > 0) this.logger.warn(`${count} correo(s) sin constancia de envío vuelven al outbox`);
    return count;
  }
}
