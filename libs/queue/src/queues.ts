/**
 * Every queue and job name, in one place. The worker refuses to start if a job named
 * here has no handler (see `JobCoverageCheck`).
 */
export const QUEUES = {
  mail: {
    name: 'mail',
    jobs: { send: 'send-mail' },
  },
  /** The deadline watch (libs/watch): milestones of every open case, the sweep, recomputed terms, digests. */
  deadlines: {
    name: 'deadlines',
    jobs: {
      milestone: 'milestone',
      unschedule: 'unschedule-milestones',
      sweep: 'sweep',
      recomputeTerms: 'recompute-terms',
      subjectDigest: 'subject-digest',
      pdhDigest: 'pdh-digest',
    },
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

export function allJobNames(): { queue: string; job: string }[] {
  return Object.values(QUEUES).flatMap((q) => Object.values(q.jobs).map((job) => ({ queue: q.name, job: job as string })));
}
