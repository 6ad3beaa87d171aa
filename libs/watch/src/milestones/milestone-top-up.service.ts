import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { milestoneJob, MilestoneKind, milestoneSettings, scheduleHorizon } from '@ventanilla/cases';
import { Clock, EnvDto } from '@ventanilla/config';
import { bulkJob, OnJob, QUEUES, RedisClient } from '@ventanilla/queue';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

export interface TopUpResult {
  /** Milestones handed to BullMQ (those already there are kept as they are). */
  scheduled: number;
  /** The window walked: due after `from`, up to `until` (ISO instants). */
  from: string;
  until: string;
  ms: number;
}

interface PendingRow {
  case_id: string;
  kind: MilestoneKind;
  due_at: Date;
}

/**
 * How far the top-ups have scheduled, under the deployment's prefix. It lives in Redis with the
 * jobs: a flush takes both, and the next top-up then walks the whole horizon again.
 */
export const SCHEDULED_UNTIL_KEY = 'watch:scheduled-until';
// Jobs per addBulk: one MULTI each, short enough not to hold Redis up for others.
const ADD_CHUNK = 1000;

const PENDING = `SELECT case_id, kind, due_at FROM case_milestones
  WHERE done_at IS NULL AND canceled_at IS NULL AND due_at > $1 AND due_at <= $2`;

/**
 * Redis holds only the milestones due within the horizon (WATCH_SCHEDULE_HORIZON_DAYS); a change
 * to a case schedules its own near ones (syncMilestones). Once a day this brings in those that
 * came within reach since the last top-up: the pending milestones due after the last one's
 * horizon, up to now plus the horizon, read off the partial index in keyset pages. Job ids are
 * derived from the milestone, so a walk repeated or interrupted and run again adds nothing twice.
 * Whatever Redis still misses (a flush, a top-up that did not run) the sweep fires when due.
 */
@Injectable()
export class MilestoneTopUp {
  private readonly logger = new Logger(MilestoneTopUp.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.topUp })
  async run(): Promise<TopUpResult> {
    const started = Date.now();
    const now = this.clock.now();
    const until = scheduleHorizon(now, milestoneSettings(this.config));
    const scheduledUntil = Number(await this.redis.client.get(SCHEDULED_UNTIL_KEY)) || 0;
    // What is already due is the sweep's; what an earlier top-up scheduled is in Redis.
    const from = new Date(Math.max(now.getTime(), scheduledUntil));
    const window = `${from.toISOString()} – ${until.toISOString()}`;
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUES.watch.name), { strict: false });
    let scheduled = 0;
    let last: PendingRow | undefined;
    for (let page = 1; from < until; page++) {
      // Keyset on (due_at, case_id, kind): many milestones share an instant (every reminder of a day at 08:00).
      const rows: PendingRow[] = last
        ? await this.dataSource.query(
            `${PENDING} AND due_at >= $3 AND (due_at, case_id, kind) > ($3, $4::uuid, $5) ORDER BY due_at, case_id, kind LIMIT $6`,
            [from.toISOString(), until.toISOString(), last.due_at.toISOString(), last.case_id, last.kind, this.settings.topUpBatch],
          )
        : await this.dataSource.query(`${PENDING} ORDER BY due_at, case_id, kind LIMIT $3`, [from.toISOString(), until.toISOString(), this.settings.topUpBatch]);
      if (rows.length === 0) break;
      for (let i = 0; i < rows.length; i += ADD_CHUNK) {
        await queue.addBulk(
          rows.slice(i, i + ADD_CHUNK).map((r) => {
            const entry = milestoneJob(r.case_id, r.kind, r.due_at);
            return bulkJob(entry.queue, entry.job, entry.payload, entry.jobId!, r.due_at);
          }),
        );
      }
      scheduled += rows.length;
      last = rows[rows.length - 1];
      this.logger.log(`Programación de hitos (${window}): página ${page}, ${scheduled} hito(s) hasta ${last.due_at.toISOString()}`);
      if (rows.length < this.settings.topUpBatch) break;
    }
    // Only forward: a shorter horizon set meanwhile must not make the next top-up repeat this one.
    if (until.getTime() > scheduledUntil) await this.redis.client.set(SCHEDULED_UNTIL_KEY, String(until.getTime()));
    const result = { scheduled, from: from.toISOString(), until: until.toISOString(), ms: Date.now() - started };
    this.logger.log(`Programación de hitos (${window}): ${scheduled} hito(s) en Redis en ${result.ms} ms`);
    return result;
  }
}
