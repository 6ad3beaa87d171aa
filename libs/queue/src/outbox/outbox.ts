import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EnvDto } from '@ventanilla/config';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { bulkJob } from '../queues';
import { RedisClient } from '../redis.provider';

export interface OutboxEntry {
  queue: string;
  job: string;
  payload: Record<string, unknown>;
  /** Derived from the data, so the same work relayed twice is one BullMQ job. No ':' (BullMQ forbids it). */
  jobId?: string;
  /** Run no earlier than this instant (a delayed job). */
  runAt?: Date;
}

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string | null;
  payload: Record<string, unknown>;
  run_at: Date | null;
}

const BATCH = 200;
const ADD_TIMEOUT_MS = 3000;
/**
 * How long a wake waits before its pass starts, so the commits of a busy moment share one pass:
 * each pass is a transaction of four statements and two Redis round trips, and at 200 filings
 * a second a pass per filing cost the api about as much as the filing's own write.
 */
const WAKE_DELAY_MS = 20;

/**
 * What the queue must do is written to `outbox` in the caller's transaction and relayed to
 * BullMQ after commit; if Redis is down the rows wait, and the next pass relays them.
 * Both processes run the relay; `FOR UPDATE SKIP LOCKED` keeps them from relaying a row twice.
 */
@Injectable()
export class Outbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Outbox.name);
  private timer?: NodeJS.Timeout;
  private woken?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly redis: RedisClient,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /** Writes entries inside the caller's transaction. Call `wake()` after it commits. */
  async add(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(outboxInsertSql('$1'), [outboxRows(entries)]);
  }

  /** Asks for a relay pass within WAKE_DELAY_MS, without waiting for it (the HTTP answer does not depend on Redis). */
  wake(): void {
    if (this.woken || this.stopped) return;
    this.woken = setTimeout(() => {
      this.woken = undefined;
      void this.relay().catch((error: unknown) => this.logger.warn(`Relevo del outbox falló: ${String(error)}`));
    }, WAKE_DELAY_MS);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A wake still waiting for its pass: the pass runs now, before the relay stops.
    const pending = this.woken;
    if (pending) {
      clearTimeout(pending);
      this.woken = undefined;
      await this.relay().catch(() => undefined);
    }
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /** Relays pending rows until none are left; concurrent calls in one process share a pass. */
  async relay(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        let moved: number;
        do {
          moved = await this.relayBatch();
          total += moved;
        } while (moved === BATCH && !this.stopped);
      } while (this.again && !this.stopped);
      return total;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relayBatch(): Promise<number> {
    if (this.stopped || !(await this.redis.ping())) return 0;
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, queue, job_name, job_id, payload, run_at FROM outbox
         WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const done: string[] = [];
      // One addBulk per run of rows for the same queue: a mass reschedule relays thousands a second.
      for (const group of runsByQueue(rows)) {
        try {
          await withTimeout(
            this.queue(group[0].queue).addBulk(
              group.map((row) =>
                bulkJob(row.queue, row.job_name, row.payload, row.job_id ?? `outbox-${row.id}`, row.run_at ? new Date(row.run_at) : null),
              ),
            ),
          );
          done.push(...group.map((row) => row.id));
        } catch (error) {
          // Redis went away mid-batch: keep the rest for the next pass.
          await tx.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [group[0].id, String(error)]);
          break;
        }
      }
      if (done.length > 0) {
        await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [done]);
      }
      return done.length === rows.length ? done.length : 0;
    });
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

/**
 * The one statement that writes outbox rows, from the JSON array `outboxRows` makes, bound to
 * `param`: `add` runs it alone; a hot path may run it as a step of its own statement (filing
 * writes its request, cases and outbox rows in one round trip).
 */
export function outboxInsertSql(param: string): string {
  return `INSERT INTO outbox (queue, job_name, job_id, payload, run_at)
       SELECT queue, job, "jobId", payload, "runAt" FROM jsonb_to_recordset(${param}::jsonb)
         AS x(queue text, job text, "jobId" text, payload jsonb, "runAt" timestamptz)`;
}

export function outboxRows(entries: OutboxEntry[]): string {
  return JSON.stringify(entries.map((e) => ({ ...e, runAt: e.runAt?.toISOString() ?? null })));
}

function runsByQueue(rows: OutboxRow[]): OutboxRow[][] {
  const runs: OutboxRow[][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0].queue === row.queue) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis no respondió a tiempo')), ADD_TIMEOUT_MS);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
