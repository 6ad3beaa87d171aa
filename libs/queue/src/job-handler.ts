import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

export type JobHandlerFn = (job: Job) => Promise<unknown>;

/**
 * Base of every processor: a map from job name to handler, so the worker can check at
 * start-up that every job name has one, and an unknown name fails loudly.
 */
export abstract class QueueProcessor extends WorkerHost {
  abstract readonly queueName: string;
  protected abstract readonly handlers: Record<string, JobHandlerFn>;
  protected readonly logger = new Logger(this.constructor.name);

  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new Error(`Sin procesador para el trabajo ${this.queueName}/${job.name}`);
    return handler(job);
  }
}
