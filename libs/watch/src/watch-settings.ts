import { EnvDto } from '@ventanilla/config';

/** The watch's settings, from the validated configuration (WATCH_* variables). */
export interface WatchSettings {
  /** How often the sweep looks for milestones left behind (ms). */
  sweepEveryMs: number;
  /** Cases per sweep transaction. */
  sweepBatch: number;
  /** Cases per transaction when a día inhábil moves terms. */
  recomputeBatch: number;
  /** Cron patterns of the daily digests, in `timeZone`. */
  subjectDigestCron: string;
  pdhDigestCron: string;
  timeZone: string;
  /** Cases listed by name in a digest section; the rest are counted. */
  digestListLimit: number;
  /** Dispatched outbox rows are kept this long for diagnosis, then pruned. */
  outboxRetentionDays: number;
  /** Cron pattern (in `timeZone`) of the daily top-up, and milestones per page of its walk. */
  topUpCron: string;
  topUpBatch: number;
  /** How often the housekeeping job runs (ms). */
  housekeepingEveryMs: number;
}

export const WATCH_SETTINGS = Symbol('WATCH_SETTINGS');

export function watchSettings(config: EnvDto): WatchSettings {
  return {
    sweepEveryMs: config.WATCH_SWEEP_EVERY_MS,
    sweepBatch: config.WATCH_SWEEP_BATCH,
    recomputeBatch: config.WATCH_RECOMPUTE_BATCH,
    subjectDigestCron: config.WATCH_SUBJECT_DIGEST_CRON,
    pdhDigestCron: config.WATCH_PDH_DIGEST_CRON,
    timeZone: 'America/Guatemala',
    digestListLimit: config.WATCH_DIGEST_LIST_LIMIT,
    outboxRetentionDays: config.WATCH_OUTBOX_RETENTION_DAYS,
    topUpCron: config.WATCH_TOP_UP_CRON,
    topUpBatch: config.WATCH_TOP_UP_BATCH,
    housekeepingEveryMs: config.HOUSEKEEPING_EVERY_MS,
  };
}
