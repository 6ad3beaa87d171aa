import { Inject, Injectable } from '@nestjs/common';
import { Clock, EnvDto, Sealed, seal } from '@ventanilla/config';
import { Outbox, OutboxEntry, QUEUES } from '@ventanilla/queue';
import { EntityManager } from 'typeorm';
import { MailData, MailTemplate } from './templates';

export interface MailJob {
  /** Unique per message: a retried or duplicated job with the same key sends nothing more. */
  key: string;
  to: string;
  template: MailTemplate;
  /** The template's data, sealed: it may hold an access code, and it rests in the outbox and Redis. */
  data: Sealed;
  /** When the mail was made (ISO instant): transient failures are retried for `MAIL_RETRY_HOURS` from here. */
  queuedAt?: string;
}

export const MAIL_SEAL_CONTEXT = 'mail';

/** Mail goes through the outbox and the queue, never inside the HTTP request. */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  message<T extends MailTemplate>(key: string, to: string, template: T, data: MailData<T>): MailJob {
    return { key, to, template, data: seal(this.config.JWT_SECRET, MAIL_SEAL_CONTEXT, data), queuedAt: this.clock.now().toISOString() };
  }

  /** Writes the messages in the caller's transaction; the caller wakes the outbox after commit. */
  async enqueue(manager: EntityManager, messages: MailJob[]): Promise<void> {
    await this.outbox.add(manager, this.outboxEntries(messages));
  }

  /** The outbox rows that send the messages, for a caller that writes them with its other jobs in one statement. */
  outboxEntries(messages: MailJob[]): OutboxEntry[] {
    return messages.map((m) => ({
      queue: QUEUES.mail.name,
      job: QUEUES.mail.jobs.send,
      jobId: `mail-${m.key}`.replace(/:/g, '-'),
      payload: { ...m },
    }));
  }
}
