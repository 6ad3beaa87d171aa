import { Processor } from '@nestjs/bullmq';
import { Inject, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto, unseal } from '@ventanilla/config';
import { JobHandlerFn, QUEUES, QueueProcessor } from '@ventanilla/queue';
import type { Job } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MAIL_SEAL_CONTEXT, MailJob } from './mail.service';
import { renderMail } from './templates';

/**
 * Sends one message. The key is claimed in `sent_mails` inside a transaction that commits
 * only after the SMTP server accepted the message: a second job with the same key waits on
 * the claim and then finds it taken; a failed send rolls the claim back for the retry.
 */
@Processor(QUEUES.mail.name, { concurrency: 5 })
export class MailProcessor extends QueueProcessor implements OnApplicationShutdown {
  readonly queueName = QUEUES.mail.name;
  private readonly transport: Transporter;

  protected readonly handlers: Record<string, JobHandlerFn> = {
    [QUEUES.mail.jobs.send]: (job: Job) => this.send(job.data as MailJob),
  };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {
    super();
    this.transport = createTransport(config.SMTP_URL);
  }

  async send(mail: MailJob): Promise<{ sent: boolean }> {
    const rendered = renderMail(mail.template, unseal(this.config.JWT_SECRET, MAIL_SEAL_CONTEXT, mail.data));
    return this.dataSource.transaction(async (tx) => {
      const claimed: unknown[] = await tx.query(
        `INSERT INTO sent_mails (key, recipient, template, subject) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [mail.key, mail.to, mail.template, rendered.subject],
      );
      if (claimed.length === 0) {
        this.logger.log(`Correo ${mail.key} ya enviado; no se repite`);
        return { sent: false };
      }
      const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, ...rendered });
      await tx.query(`UPDATE sent_mails SET message_id = $2 WHERE key = $1`, [mail.key, info.messageId]);
      this.logger.log(`Correo ${mail.template} enviado (${mail.key})`);
      return { sent: true };
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
