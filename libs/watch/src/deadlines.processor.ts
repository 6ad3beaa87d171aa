import { getQueueToken, Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { MilestoneJobData } from '@ventanilla/cases';
import { JobHandlerFn, QUEUES, QueueProcessor } from '@ventanilla/queue';
import { DelayedError, Job, Queue } from 'bullmq';
import { PdhDigests } from './digests/pdh-digest.service';
import { SubjectDigests } from './digests/subject-digest.service';
import { Housekeeping } from './housekeeping/housekeeping.service';
import { MilestoneEffects } from './milestones/milestone-effects.service';
import { MilestoneSweep } from './milestones/milestone-sweep.service';
import { MilestoneTopUp } from './milestones/milestone-top-up.service';
import { RecomputeTermsData, TermsRecompute } from './terms/terms-recompute.service';

const jobs = QUEUES.deadlines.jobs;
const REMOVE_CHUNK = 500;

/** The deadline watch's jobs. */
@Processor(QUEUES.deadlines.name, { concurrency: 4 })
export class DeadlinesProcessor extends QueueProcessor {
  readonly queueName = QUEUES.deadlines.name;

  protected readonly handlers: Record<string, JobHandlerFn> = {
    [jobs.milestone]: (job) => this.milestone(job),
    [jobs.unschedule]: (job) => this.unschedule((job.data as { jobIds: string[] }).jobIds),
    [jobs.sweep]: async () => ({
      ...(await this.sweep.pass()),
      pruned: await this.housekeeping.prune(),
    }),
    [jobs.topUp]: () => this.topUp.run(),
    [jobs.recomputeTerms]: (job) => this.terms.run(job.data as RecomputeTermsData),
    [jobs.subjectDigest]: () => this.subjectDigests.send(),
    [jobs.pdhDigest]: () => this.pdhDigests.send(),
  };

  constructor(
    private readonly effects: MilestoneEffects,
    private readonly sweep: MilestoneSweep,
    private readonly topUp: MilestoneTopUp,
    private readonly terms: TermsRecompute,
    private readonly subjectDigests: SubjectDigests,
    private readonly pdhDigests: PdhDigests,
    private readonly housekeeping: Housekeeping,
    private readonly moduleRef: ModuleRef,
  ) {
    super();
  }

  private async milestone(job: Job): Promise<unknown> {
    const data = job.data as MilestoneJobData;
    const outcome = await this.effects.fireJob(data);
    if ('early' in outcome && job.token) {
      // Redis and this host disagree on the time by a little: wait for the due instant itself.
      await job.moveToDelayed(new Date(data.dueAt).getTime(), job.token);
      throw new DelayedError();
    }
    return outcome;
  }

  /** Best effort: a job that escapes removal (running, or Redis lost it) finds its row stale and does nothing. */
  private async unschedule(jobIds: string[]): Promise<{ removed: number }> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUES.deadlines.name), { strict: false });
    let removed = 0;
    for (let i = 0; i < jobIds.length; i += REMOVE_CHUNK) {
      const results = await Promise.all(jobIds.slice(i, i + REMOVE_CHUNK).map((id) => queue.remove(id)));
      removed += results.filter((r) => r === 1).length;
    }
    return { removed };
  }
}
