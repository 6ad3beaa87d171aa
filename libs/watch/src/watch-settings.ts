/**
 * The watch's own settings. EnvDto is shared by every feature, so these optional variables are
 * read here, each with the product's default.
 */
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
}

export const WATCH_SETTINGS = Symbol('WATCH_SETTINGS');

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} debe ser un entero positivo: ${raw}`);
  return value;
}

export function watchSettings(env: NodeJS.ProcessEnv = process.env): WatchSettings {
  return {
    sweepEveryMs: positiveInt(env, 'WATCH_SWEEP_EVERY_MS', 60_000),
    sweepBatch: positiveInt(env, 'WATCH_SWEEP_BATCH', 500),
    recomputeBatch: positiveInt(env, 'WATCH_RECOMPUTE_BATCH', 500),
    // 07:00 and 07:05 in Guatemala: before the UIPs open, after the night's milestones fired.
    subjectDigestCron: env.WATCH_SUBJECT_DIGEST_CRON || '0 7 * * *',
    pdhDigestCron: env.WATCH_PDH_DIGEST_CRON || '5 7 * * *',
    timeZone: 'America/Guatemala',
    digestListLimit: positiveInt(env, 'WATCH_DIGEST_LIST_LIMIT', 50),
    outboxRetentionDays: positiveInt(env, 'WATCH_OUTBOX_RETENTION_DAYS', 7),
  };
}
