import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, QueueProcessor } from '@ventanilla/queue';

/**
 * The watch's BullMQ worker (queue `deadlines`). Each job's handler is the `@OnJob` method of
 * the service it runs: milestones (MilestoneEffects), their removal (MilestoneUnschedule), the
 * sweep, the top-up, recomputed terms and the digests.
 */
@Processor(QUEUES.deadlines.name, { concurrency: 4 })
export class DeadlinesProcessor extends QueueProcessor {
  readonly queueName = QUEUES.deadlines.name;

  constructor(handlers: JobHandlers) {
    super(handlers);
  }
}
