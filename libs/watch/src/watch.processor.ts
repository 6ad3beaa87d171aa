import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, QueueProcessor } from '@ventanilla/queue';

/**
 * The watch's BullMQ worker (queue `deadlines`). Each job's handler is the `@OnJob` method of
 * the service it runs: milestones (MilestoneEffects), their removal (MilestoneUnschedule), the
 * sweep, the top-up, recomputed terms and the digests.
 */
@Processor(QUEUES.watch.name, { concurrency: 4 })
export class WatchProcessor extends QueueProcessor {
  readonly queueName = QUEUES.watch.name;

  constructor(handlers: JobHandlers) {
    super(handlers);
  }
}
