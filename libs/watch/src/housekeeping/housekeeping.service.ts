import { Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobHandlers, OnJob, QueueProcessor, QUEUES } from '@ventanilla/queue';
import { IdempotencyService } from '@ventanilla/requests';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

const DELETE_BATCH = 5000;

/**
 * Tables that only grow are pruned (relayed outbox rows, expired idempotency keys, wrong-code
 * counters kept while Redis was down), as a scheduled job of its own (`housekeeping-prune`, on
 * the `housekeeping` queue), not a side effect of the watch's sweep. Mail lost with a Redis
 * flush is the worker's MailRedelivery's.
 */
@Injectable()
export class Housekeeping {
  private readonly logger = new Logger(Housekeeping.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  @OnJob({ queue: QUEUES.housekeeping.name, job: QUEUES.housekeeping.jobs.prune })
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

/** The housekeeping queue's BullMQ worker; its one job's handler is `Housekeeping.prune`. */
@Processor(QUEUES.housekeeping.name, { concurrency: 1 })
export class HousekeepingProcessor extends QueueProcessor {
  readonly queueName = QUEUES.housekeeping.name;

  constructor(handlers: JobHandlers) {
    super(handlers);
  }
}
