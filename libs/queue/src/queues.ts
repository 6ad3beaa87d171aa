import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job name, in one place. Each job's handler is the `@OnJob` method beside the
 * service it runs; the worker refuses to start if a job named here has none (`JobCoverageCheck`).
 */
export const QUEUES = {
  mail: {
    name: 'mail',
    jobs: { send: 'send-mail' },
  },
  /**
   * The watch (libs/watch): milestones of every open case, the sweep, the top-up, recomputed
   * terms, digests. Its stored name stays `deadlines`, from before the feature was called the
   * watch: it names the Redis keys of the delayed jobs and schedulers and the `queue` column of
   * outbox rows a running deployment already holds, and processes of the previous version keep
   * writing it during an upgrade — under a new name those jobs would wait for a worker that never
   * comes (a recompute of terms has no sweep to catch it).
   */
  watch: {
    name: 'deadlines',
    jobs: {
      milestone: 'milestone',
      unschedule: 'unschedule-milestones',
      /** Daily: schedules the milestones that came within the horizon (WATCH_SCHEDULE_HORIZON_DAYS). */
      topUp: 'top-up-milestones',
      sweep: 'sweep',
      recomputeTerms: 'recompute-terms',
      subjectDigest: 'subject-digest',
      pdhDigest: 'pdh-digest',
    },
  },
  /** Tables that only grow, pruned on a schedule of their own (libs/watch/src/housekeeping). */
  housekeeping: {
    name: 'housekeeping',
    jobs: { prune: 'prune' },
  },
  /** Documents (libs/documents): the sweep of stored objects without a row. */
  documents: {
    name: 'documents',
    jobs: { sweepOrphans: 'sweep-orphans' },
  },
} as const;

export type QueueKey = keyof typeof QUEUES;
export type QueueName = (typeof QUEUES)[QueueKey]['name'];
export type JobName<K extends QueueKey = QueueKey> = (typeof QUEUES)[K]['jobs'][keyof (typeof QUEUES)[K]['jobs']];

/** Retries, backoff and retention, set once for every job. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/**
 * What differs from DEFAULT_JOB_OPTIONS for some jobs. Milestone jobs are the most numerous
 * thing in Redis (one per milestone within the horizon) and their effect is recorded in
 * PostgreSQL (`case_milestones.done_at`): a finished one is kept an hour for diagnosis, not a week.
 */
const JOB_OPTIONS: Record<string, JobsOptions> = {
  [`${QUEUES.watch.name}/${QUEUES.watch.jobs.milestone}`]: {
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  },
};

/** A job as `Queue.addBulk` takes it: the per-job options above, its id, and a delay until `runAt`. */
export function bulkJob(
  queue: string,
  job: string,
  data: Record<string, unknown>,
  jobId: string,
  runAt: Date | null,
): { name: string; data: Record<string, unknown>; opts: JobsOptions } {
  return {
    name: job,
    data,
    opts: {
      ...JOB_OPTIONS[`${queue}/${job}`],
      jobId,
      delay: runAt ? Math.max(0, runAt.getTime() - Date.now()) : undefined,
    },
  };
}

export function allJobNames(): { queue: string; job: string }[] {
  return Object.values(QUEUES).flatMap((q) => Object.values(q.jobs).map((job) => ({ queue: q.name, job: job as string })));
}
