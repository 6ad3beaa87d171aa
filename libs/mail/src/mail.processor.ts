import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Clock, EnvDto, unseal } from '@ventanilla/config';
import { JobHandlers, OnJob, QUEUES, QueueProcessor } from '@ventanilla/queue';
import { DelayedError, Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { MailTransport } from './delivery/mail-transport';
import { classifySmtpError, retryDelayMs } from './delivery/smtp-failure';
import { MailCaseHistory } from './mail-case-history';
import { MAIL_SEAL_CONTEXT, MailJob } from './mail.service';
import { RenderedMail } from './rendered-mail';
import { renderMail } from './templates';

export type MailOutcome = 'sent' | 'already_sent' | 'undeliverable';

/**
 * Sends one message. The key is claimed in `sent_mails` inside a transaction that commits
 * only after the SMTP server accepted the message: a second job with the same key waits on
 * the claim and then finds it taken; a failed send rolls the claim back for the retry.
 *
 * A transient failure puts the job back to wait (doubling, capped at `MAIL_RETRY_MAX_DELAY_MS`)
 * for as long as `MAIL_RETRY_HOURS` allows, however many tries that takes; a permanent reject,
 * or a transient one past that time, is recorded in `sent_mails` as undeliverable, with the
 * reason, and on the history of the case(s) the mail is about.
 */
@Processor(QUEUES.mail.name, { concurrency: 5 })
export class MailProcessor extends QueueProcessor {
  readonly queueName = QUEUES.mail.name;

  constructor(
    handlers: JobHandlers,
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly history: MailCaseHistory,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {
    super(handlers);
  }

  /** One try of a job. Anything but an outcome (SMTP or PostgreSQL away) defers the job. */
  @OnJob({ queue: QUEUES.mail.name, job: QUEUES.mail.jobs.send })
  async deliver(mail: MailJob, job: Job): Promise<{ outcome: MailOutcome }> {
    const queuedAt = mail.queuedAt ? new Date(mail.queuedAt) : new Date(job.timestamp);
    const giveUp = this.clock.now().getTime() - queuedAt.getTime() >= this.config.MAIL_RETRY_HOURS * 3600_000;
    try {
      return { outcome: await this.send(mail, giveUp) };
    } catch (error) {
      if (!job.token) throw error;
      const wait = retryDelayMs(job.attemptsStarted, this.config.MAIL_RETRY_MAX_DELAY_MS);
      this.logger.warn(
        `Correo ${mail.template} (${mail.key}) aplazado tras el intento ${job.attemptsStarted}: ${classifySmtpError(error).reason}; ` +
          `nuevo intento en ${Math.ceil(wait / 1000)} s`,
      );
      await job.moveToDelayed(Date.now() + wait, job.token);
      throw new DelayedError();
    }
  }

  /** Sends the mail once per key. Throws on a transient failure unless `giveUp`, which records it as undeliverable instead. */
  async send(mail: MailJob, giveUp = false): Promise<MailOutcome> {
    let data: Record<string, unknown> = {};
    let rendered: RenderedMail;
    try {
      data = unseal(this.config.JWT_SECRET, MAIL_SEAL_CONTEXT, mail.data) as Record<string, unknown>;
      rendered = renderMail(mail.template, data);
    } catch (error) {
      // A mail that cannot be opened or rendered never will be: say so once, loudly.
      return this.dataSource.transaction(async (tx) =>
        (await this.claim(tx, mail, mail.template))
          ? this.undeliverable(tx, mail, data, `No se pudo preparar el mensaje: ${String(error)}`)
          : 'already_sent',
      );
    }
    return this.dataSource.transaction(async (tx) => {
      // The SMTP conversation happens inside this transaction, idle for PostgreSQL: the pool's
      // idle-in-transaction limit would cut it. Its own timeouts (SMTP_TIMEOUT_MS) bound it.
      await tx.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
      if (!(await this.claim(tx, mail, rendered.subject))) {
        this.logger.log(`Correo ${mail.key} ya enviado; no se repite`);
        return 'already_sent';
      }
      try {
        const info = await this.transport.send({ from: this.config.MAIL_FROM, to: mail.to, ...rendered });
        await tx.query(`UPDATE sent_mails SET message_id = $2 WHERE key = $1`, [mail.key, info.messageId]);
        this.logger.log(`Correo ${mail.template} enviado (${mail.key})`);
        return 'sent';
      } catch (error) {
        const failure = classifySmtpError(error);
        if (!failure.permanent && !giveUp) throw error;
        const reason = failure.permanent ? failure.reason : `Sin respuesta del servidor SMTP durante ${this.config.MAIL_RETRY_HOURS} h: ${failure.reason}`;
        return this.undeliverable(tx, mail, data, reason);
      }
    });
  }

  private async claim(tx: EntityManager, mail: MailJob, subject: string): Promise<boolean> {
    const claimed: unknown[] = await tx.query(
      `INSERT INTO sent_mails (key, recipient, template, subject) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [mail.key, mail.to, mail.template, subject],
    );
    return claimed.length > 0;
  }

  /** The claimed key becomes the record that this mail will never arrive, and each case it is about says so in its history. */
  private async undeliverable(tx: EntityManager, mail: MailJob, data: Record<string, unknown>, reason: string): Promise<MailOutcome> {
    await tx.query(`UPDATE sent_mails SET outcome = 'undeliverable', failure = $2 WHERE key = $1`, [mail.key, reason]);
    // A mail names its case, or else its request (the requester's filing receipt): then every case of it.
    const about = {
      caseId: typeof data.caseId === 'string' ? data.caseId : undefined,
      folio: typeof data.folio === 'string' ? data.folio : undefined,
    };
    await this.history.undeliverable(tx, about, { template: mail.template, recipient: mail.to, reason }, this.clock.now());
    this.logger.error(`Correo ${mail.template} (${mail.key}) no entregable: ${reason}`);
    return 'undeliverable';
  }
}
