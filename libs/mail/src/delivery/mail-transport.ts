import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { QUEUES } from '@ventanilla/queue';
import type { Queue } from 'bullmq';
import { createTransport, SendMailOptions, SentMessageInfo, Transporter } from 'nodemailer';
import { classifySmtpError } from './smtp-failure';

/** While SMTP fails, the worker asks it this often whether it answers again. */
const PROBE_EVERY_MS = 15_000;

export interface SmtpStatus {
  up: boolean;
  /** Why it is down, and since when. */
  reason?: string;
  since?: Date;
}

/**
 * The worker's SMTP connection and what it last learned of it. The worker's /health reports
 * it (`degraded` while it fails); when it answers again, the mail waiting out its backoff is
 * released at once instead of at each job's next try.
 */
@Injectable()
export class MailTransport implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly server: string;
  private down?: { reason: string; since: Date };
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(EnvDto) config: EnvDto,
    @InjectQueue(QUEUES.mail.name) private readonly queue: Queue,
  ) {
    const timeout = config.SMTP_TIMEOUT_MS;
    this.transporter = createTransport({ url: config.SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
    const url = new URL(config.SMTP_URL);
    this.server = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  }

  status(): SmtpStatus {
    return this.down ? { up: false, ...this.down } : { up: true };
  }

  /** Sends one message; a failure is rethrown as nodemailer gave it, after noting what it says of the server. */
  async send(message: SendMailOptions): Promise<SentMessageInfo> {
    try {
      const info: SentMessageInfo = await this.transporter.sendMail(message);
      this.answered();
      return info;
    } catch (error) {
      // A permanent reject is the server answering: it is up.
      if (classifySmtpError(error).permanent) this.answered();
      else this.failed(error);
      throw error;
    }
  }

  /** Asks the server whether it answers (connect, greeting, EHLO, login). */
  async probe(): Promise<boolean> {
    try {
      await this.transporter.verify();
      this.answered();
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  onApplicationBootstrap(): void {
    void this.probe();
    this.timer = setInterval(() => {
      if (this.down) void this.probe();
    }, PROBE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.transporter.close();
  }

  private failed(error: unknown): void {
    if (this.down) return;
    this.down = { reason: classifySmtpError(error).reason, since: new Date() };
    this.logger.warn(`El servidor SMTP ${this.server} no responde (${this.down.reason}); los correos esperan y se reintentan`);
  }

  private answered(): void {
    if (!this.down) return;
    const since = this.down.since;
    this.down = undefined;
    this.logger.warn(`El servidor SMTP ${this.server} responde de nuevo tras ${Math.round((Date.now() - since.getTime()) / 1000)} s; salen los correos en espera`);
    // Deferred mail waits in the delayed set (only deferrals delay mail jobs): release it now.
    this.queue.promoteJobs().catch((error: unknown) => this.logger.warn(`No se pudieron liberar los correos en espera: ${String(error)}`));
  }
}
