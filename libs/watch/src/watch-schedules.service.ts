import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QUEUES } from '@ventanilla/queue';
import type { Queue, RepeatOptions } from 'bullmq';
import { WATCH_SETTINGS, WatchSettings } from './watch-settings';

interface Schedule {
  id: string;
  queue: string;
  job: string;
  repeat: Omit<RepeatOptions, 'key'>;
}

// A flushed Redis loses its schedulers too; the worker puts back any that went missing.
const RECHECK_MS = 5 * 60_000;
const RECURRING_OPTIONS = { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } };

/**
 * The worker's recurring jobs, as BullMQ job schedulers upserted at worker start (idempotent:
 * the same id replaces, never duplicates): on the watch's queue the sweep every minute, the
 * milestones' top-up every night, the digests every morning; on its own queue, housekeeping.
 */
@Injectable()
export class WatchSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WatchSchedules.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  schedules(): Schedule[] {
    const { name: queue, jobs } = QUEUES.watch;
    const tz = this.settings.timeZone;
    return [
      { id: 'watch-sweep', queue, job: jobs.sweep, repeat: { every: this.settings.sweepEveryMs } },
      { id: 'watch-top-up', queue, job: jobs.topUp, repeat: { pattern: this.settings.topUpCron, tz } },
      { id: 'watch-subject-digest', queue, job: jobs.subjectDigest, repeat: { pattern: this.settings.subjectDigestCron, tz } },
      { id: 'watch-pdh-digest', queue, job: jobs.pdhDigest, repeat: { pattern: this.settings.pdhDigestCron, tz } },
      {
        id: 'housekeeping-prune',
        queue: QUEUES.housekeeping.name,
        job: QUEUES.housekeeping.jobs.prune,
        repeat: { every: this.settings.housekeepingEveryMs },
      },
    ];
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the worker still starts, and the upsert completes once it is back.
    void this.ensure(false);
    this.timer = setInterval(() => void this.ensure(true), RECHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Upserts every scheduler (or, with `onlyMissing`, those Redis no longer has). At start, and
   * when a flush took the schedulers (and the milestone jobs with them), a top-up runs at once
   * rather than at the next day's hour: the jobs within the horizon are back within seconds.
   */
  async ensure(onlyMissing: boolean): Promise<void> {
    const queueOf = (name: string) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    try {
      let restored = 0;
      for (const s of this.schedules()) {
        const queue = queueOf(s.queue);
        if (onlyMissing && (await queue.getJobScheduler(s.id))) continue;
        await queue.upsertJobScheduler(s.id, s.repeat, { name: s.job, data: {}, opts: RECURRING_OPTIONS });
        // The milestone jobs go with the watch's schedulers: a top-up brings them back.
        if (s.queue === QUEUES.watch.name) restored++;
        if (onlyMissing) this.logger.warn(`Programación ${s.id} no estaba en Redis; se restableció`);
      }
      if (restored > 0) await queueOf(QUEUES.watch.name).add(QUEUES.watch.jobs.topUp, {}, RECURRING_OPTIONS);
    } catch (error) {
      this.logger.warn(`No se pudieron programar los trabajos periódicos del vigía: ${String(error)}`);
    }
  }
}
