import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { Outbox, QUEUES } from '@ventanilla/queue';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const PAGE = 1000;

/**
 * Once relayed, a mail job lives only in Redis. Every `MAIL_REDELIVERY_EVERY_MS` (a timer in
 * the worker, so a flushed Redis cannot take it away) each relayed mail without an outcome in
 * `sent_mails` is looked up in its queue: a job Redis lost, or one that ended without sending
 * (failed after crashes, or completed while PostgreSQL lost the claim), is removed and its
 * outbox row handed back to the relay, which adds it again under the same job id. A job still
 * waiting out its backoff is left alone; `sent_mails` keeps any of this from sending twice.
 */
@Injectable()
export class MailRedelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailRedelivery.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @InjectQueue(QUEUES.mail.name) private readonly queue: Queue,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.logger.warn(`Revisión de correos perdidos falló: ${String(error)}`));
    }, this.config.MAIL_REDELIVERY_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many mails went back to the relay. Overlapping calls share a pass. */
  run(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    let handedBack = 0;
    for (let after = '0'; ; ) {
      // A mail relayed since the last pass is surely still in Redis: not worth asking.
      const rows: { id: string; job_id: string }[] = await this.dataSource.query(
        `SELECT o.id, o.job_id FROM outbox o
         WHERE o.queue = $1 AND o.dispatched_at < now() - make_interval(secs => $2::double precision / 1000) AND o.id > $3
           AND NOT EXISTS (SELECT 1 FROM sent_mails m WHERE m.key = o.payload->>'key')
         ORDER BY o.id LIMIT ${PAGE}`,
        [QUEUES.mail.name, this.config.MAIL_REDELIVERY_EVERY_MS, after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const states = await Promise.all(rows.map((row) => this.queue.getJobState(row.job_id)));
      const lost: string[] = [];
      for (const [i, state] of states.entries()) {
        if (state === 'unknown') lost.push(rows[i].id);
        else if (state === 'failed' || state === 'completed') {
          // The same id would be taken for a duplicate and ignored: remove the finished job first.
          await this.queue.remove(rows[i].job_id);
          lost.push(rows[i].id);
        }
      }
      if (lost.length > 0) {
        const [, count]: [unknown[], number] = await this.dataSource.query(
          `UPDATE outbox SET dispatched_at = NULL WHERE id = ANY($1::bigint[]) AND dispatched_at IS NOT NULL`,
          [lost],
        );
        handedBack += count;
      }
      if (rows.length < PAGE) break;
    }
    if (handedBack > 0) {
      this.logger.warn(`${handedBack} correo(s) sin constancia de envío ya no estaban en Redis; vuelven a la cola`);
      this.outbox.wake();
    }
    return handedBack;
  }
}
