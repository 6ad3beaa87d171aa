import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OnJob, QUEUES } from '@ventanilla/queue';
import type { Queue } from 'bullmq';

const REMOVE_CHUNK = 500;

/** Takes out of Redis the jobs of milestones that moved or were canceled (written to the outbox by syncMilestones). */
@Injectable()
export class MilestoneUnschedule {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** Best effort: a job that escapes removal (running, or Redis lost it) finds its row stale and does nothing. */
  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.unschedule })
  async remove(data: { jobIds: string[] }): Promise<{ removed: number }> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUES.watch.name), { strict: false });
    let removed = 0;
    for (let i = 0; i < data.jobIds.length; i += REMOVE_CHUNK) {
      const results = await Promise.all(data.jobIds.slice(i, i + REMOVE_CHUNK).map((id) => queue.remove(id)));
      removed += results.filter((r) => r === 1).length;
    }
    return { removed };
  }
}
