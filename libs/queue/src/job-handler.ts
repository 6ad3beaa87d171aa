import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

export type JobHandlerFn = (job: Job) => Promise<unknown>;

/**
 * Base of every processor: a map from job name to handler, so the worker can check at
 * start-up that every job name has one, and an unknown name fails loudly.
 */
export abstract class QueueProcessor extends WorkerHost implements BeforeApplicationShutdown {
  abstract readonly queueName: string;
  protected abstract readonly handlers: Record<string, JobHandlerFn>;
  protected readonly logger = new Logger(this.constructor.name);

  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }

  /**
   * On shutdown the worker takes no new job and waits for its active ones, before any
   * connection they use closes (those close in `onApplicationShutdown`).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** Redis errors the worker meets between jobs (a flushed key, a dropped connection): it recovers; say so once per error. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Cola ${this.queueName}: ${error.message}`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new Error(`Sin procesador para el trabajo ${this.queueName}/${job.name}`);
    return handler(job);
  }
}
