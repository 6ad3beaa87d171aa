import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { QueueKey, QUEUES } from './queues';

/** One job of one queue, by the names declared in `QUEUES`. */
export type JobRef = { [K in QueueKey]: { queue: (typeof QUEUES)[K]['name']; job: (typeof QUEUES)[K]['jobs'][keyof (typeof QUEUES)[K]['jobs']] } }[QueueKey];

/** A job's handler: the job's data first (most handlers need nothing else), the BullMQ job for those that move it. */
export type JobHandlerFn = (data: never, job: Job) => Promise<unknown>;

const ON_JOB = 'ventanilla:on-job';

/**
 * Marks a service method as the handler of a job, beside the service it runs (as Immich's
 * `@OnJob`). The method receives the job's data and the job; what it returns is the job's result.
 */
export const OnJob = (ref: JobRef): MethodDecorator => SetMetadata(ON_JOB, ref);

export function jobKey(ref: { queue: string; job: string }): string {
  return `${ref.queue}/${ref.job}`;
}

/**
 * Every `@OnJob` method of the process's providers, found once through Nest's discovery. Two
 * handlers for one job refuse to start: which one runs must never depend on module order.
 */
@Injectable()
export class JobHandlers {
  private found?: Map<string, (job: Job) => Promise<unknown>>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** `queue/job` of every job some provider handles. */
  handled(): Set<string> {
    return new Set(this.all().keys());
  }

  async handle(queue: string, job: Job): Promise<unknown> {
    const handler = this.all().get(jobKey({ queue, job: job.name }));
    if (!handler) throw new Error(`Sin procesador para el trabajo ${queue}/${job.name}`);
    return handler(job);
  }

  private all(): Map<string, (job: Job) => Promise<unknown>> {
    if (this.found) return this.found;
    const found = new Map<string, (job: Job) => Promise<unknown>>();
    const owners = new Map<string, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const ref = this.reflector.get<JobRef | undefined>(ON_JOB, instance[method] as () => unknown);
        if (!ref) continue;
        const key = jobKey(ref);
        const owner = `${instance.constructor.name}.${method}`;
        // The same provider reached through two modules is one handler; two classes are a mistake.
        if (owners.has(key) && owners.get(key) !== owner) throw new Error(`Dos procesadores para el trabajo ${key}: ${owners.get(key)} y ${owner}`);
        owners.set(key, owner);
        const fn = (instance[method] as (data: unknown, job: Job) => Promise<unknown>).bind(instance);
        found.set(key, (job) => fn(job.data, job));
      }
    }
    return (this.found = found);
  }
}

/**
 * Base of every queue's BullMQ worker: it runs the `@OnJob` handler of each job's name (an
 * unknown name fails loudly), and on shutdown stops taking jobs before connections close.
 */
export abstract class QueueProcessor extends WorkerHost implements BeforeApplicationShutdown {
  abstract readonly queueName: string;
  protected readonly logger = new Logger(this.constructor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
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

  process(job: Job): Promise<unknown> {
    return this.handlers.handle(this.queueName, job);
  }
}
