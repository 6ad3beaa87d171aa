import { Injectable } from '@nestjs/common';
import { Outbox, QUEUES } from '@ventanilla/queue';
import { EntityManager } from 'typeorm';
import { MailData, MailTemplate } from './templates';

export interface MailJob {
  /** Unique per message: a retried or duplicated job with the same key sends nothing more. */
  key: string;
  to: string;
  template: MailTemplate;
  data: unknown;
}

/** Mail goes through the outbox and the queue, never inside the HTTP request. */
@Injectable()
export class MailService {
  constructor(private readonly outbox: Outbox) {}

  message<T extends MailTemplate>(key: string, to: string, template: T, data: MailData<T>): MailJob {
    return { key, to, template, data };
  }

  /** Writes the messages in the caller's transaction; the caller wakes the outbox after commit. */
  async enqueue(manager: EntityManager, messages: MailJob[]): Promise<void> {
    await this.outbox.add(
      manager,
      messages.map((m) => ({
        queue: QUEUES.mail.name,
        job: QUEUES.mail.jobs.send,
        jobId: `mail-${m.key}`.replace(/:/g, '-'),
        payload: { ...m },
      })),
    );
  }
}
