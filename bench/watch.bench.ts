// The deadline watch at scale: 1,000,000 open cases with their milestones in a scratch database.
// Times one sweep pass with 1% of the cases due, an idle pass, the outbox relay of what the sweep
// enqueued, and the scheduling of milestone jobs into a private Redis (a subset, extrapolated),
// with Redis memory per scheduled case. Drops its database and stops its Redis at the end.
// Run: npx ts-node -r tsconfig-paths/register bench/watch.bench.ts   (BENCH_CASES to change the size)
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, CalendarService, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { milestoneJob, milestoneSettings, planMilestones } from '@ventanilla/cases';
import { ConfigModule, loadConfig } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { DEFAULT_JOB_OPTIONS, Outbox, QueueModule, QUEUES } from '@ventanilla/queue';
import { MilestoneSweep, WatchCoreModule } from '@ventanilla/watch';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateAndSeed } from '../apps/api/src/migrate';
import { PrivateRedis } from '../test/support/redis-server';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const DUE_EVERY = 100; // 1% of the cases have a milestone due
const REDIS_SUBSET = Math.min(CASES, Number(process.env.BENCH_REDIS_CASES ?? 100_000));
const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `ventanilla_bench_watch_${Date.now().toString(36)}`;
const URL_ = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${NAME}`;
  return u.toString();
})();

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const log = (line: string) => console.log(line);

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, WatchCoreModule] })
class BenchModule {}

/**
 * The milestones of every (subject, reception day) the seed uses, from the real plan, so the
 * sweep finds rows that agree with the cases (and its self-healing sync has nothing to fix).
 */
async function seedPlans(db: DataSource, calendarService: CalendarService): Promise<void> {
  const { clock, calendar } = await calendarService.current();
  const settings = milestoneSettings(loadConfig({}));
  const subjects: (SubjectCalendar & { code: string })[] = (
    await db.query(`SELECT code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime" FROM subjects ORDER BY code`)
  ).map((s: { code: string; worksSaturdays: boolean; closingTime: string | null }) => calendarService.subjectCalendar(s));
  const today = localDateOf(new Date());
  // Group 0 (1%): received 20 days ago, so the term ran out a few days ago and its reminders
  // already fired; groups 1-4 (99%): received in the last days, nothing due yet.
  const groups = [addDays(today, -20), today, addDays(today, -1), addDays(today, -2), addDays(today, -3)];
  const plans: unknown[] = [];
  const milestones: unknown[] = [];
  // Two groups may land on the same reception day (a weekend): its milestones are listed once.
  const planned = new Set<string>();
  groups.forEach((day, group) => {
    subjects.forEach((s, index) => {
      const receivedOn = calendar.receptionDay(new Date(`${day}T10:00:00-06:00`), s);
      const dueDate = clock.dueDate(receivedOn, s);
      const fictaDueDate = clock.fictaDueDate(dueDate, s);
      plans.push({ group, index, code: s.code, receivedOn, dueDate, fictaDueDate });
      if (planned.has(`${s.code}/${receivedOn}`)) return;
      planned.add(`${s.code}/${receivedOn}`);
      const state = { status: 'received' as const, receivedOn, dueDate, extendedDueDate: null, fictaDueDate, appealStatus: null };
      for (const m of planMilestones(state, calendar, s, settings)) {
        milestones.push({ code: s.code, receivedOn, kind: m.kind, dueAt: m.dueAt.toISOString() });
      }
    });
  });
  await db.query(`CREATE UNLOGGED TABLE bench_plan (grp int, idx int, code text, received_on date, due_date date, ficta_due_date date)`);
  await db.query(
    `INSERT INTO bench_plan SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(grp int, idx int, code text, "receivedOn" date, "dueDate" date, "fictaDueDate" date)`,
    [JSON.stringify(plans.map((p) => {
      const { group, index, code, receivedOn, dueDate, fictaDueDate } = p as Record<string, unknown>;
      return { grp: group, idx: index, code, receivedOn, dueDate, fictaDueDate };
    }))],
  );
  await db.query(`CREATE UNLOGGED TABLE bench_milestones (code text, received_on date, kind text, due_at timestamptz)`);
  await db.query(
    `INSERT INTO bench_milestones SELECT code, "receivedOn", kind, "dueAt" FROM jsonb_to_recordset($1::jsonb)
       AS x(code text, "receivedOn" date, kind text, "dueAt" timestamptz)`,
    [JSON.stringify(milestones)],
  );
}

async function seed(db: DataSource, subjects: number): Promise<void> {
  let t = process.hrtime.bigint();
  await db.query(`UPDATE subjects SET uip_email = 'uip.' || lower(code) || '@bench.gob.gt'`);
  await db.query(
    `INSERT INTO requests (folio, access_code_hash, description, delivery_format, requester_name, requester_email, channel, filed_at)
     SELECT 'B-' || lpad(g::text, 6, '0'), 'x', 'Solicitud de prueba de carga', 'electronic', 'Persona ' || g,
            'persona' || g || '@bench.org', 'web', now()
     FROM generate_series(1, 1000) g`,
  );
  // Indexes are built after the load (much faster than row by row), as a restore would.
  await db.query(`DROP INDEX cases_folio, cases_subject_term, cases_received_on, cases_open_term`);
  await db.query(`CREATE UNLOGGED TABLE bench_requests AS SELECT row_number() OVER (ORDER BY id) AS k, id, folio FROM requests`);
  await db.query(
    `INSERT INTO cases (id, request_id, folio, subject_code, status, channel, received_at, received_on, due_date, ficta_due_date, updated_at)
     SELECT gen_random_uuid(), r.id, r.folio, p.code, 'received', 'web', p.received_on::timestamptz + interval '16 hours',
            p.received_on, p.due_date, p.ficta_due_date, now()
     FROM generate_series(1, $1::int) g
     JOIN bench_plan p ON p.grp = CASE WHEN g % ${DUE_EVERY} = 0 THEN 0 ELSE 1 + g % 4 END AND p.idx = g % $2::int
     JOIN bench_requests r ON r.k = 1 + g % 1000`,
    [CASES, subjects],
  );
  log(`seed: ${n(CASES)} cases in ${seconds(t).toFixed(1)} s`);
  t = process.hrtime.bigint();
  await db.query(`ALTER TABLE case_milestones DROP CONSTRAINT case_milestones_case_id_fkey, DROP CONSTRAINT case_milestones_pkey`);
  await db.query(`DROP INDEX case_milestones_pending`);
  // Group 0's reminders are done (they fired before the bench's "now"); its overdue is due.
  await db.query(
    `INSERT INTO case_milestones (case_id, kind, due_at, done_at, outcome)
     SELECT c.id, m.kind, m.due_at,
            CASE WHEN m.due_at <= now() AND m.kind <> 'overdue' THEN m.due_at END,
            CASE WHEN m.due_at <= now() AND m.kind <> 'overdue' THEN 'fired' END
     FROM cases c JOIN bench_milestones m ON m.code = c.subject_code AND m.received_on = c.received_on`,
  );
  const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM case_milestones`);
  log(`seed: ${n(rows)} milestones in ${seconds(t).toFixed(1)} s`);
  t = process.hrtime.bigint();
  await db.query(`ALTER TABLE case_milestones ADD PRIMARY KEY (case_id, kind)`);
  await db.query(`ALTER TABLE case_milestones ADD CONSTRAINT case_milestones_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id)`);
  await db.query(`CREATE INDEX case_milestones_pending ON case_milestones (due_at) WHERE done_at IS NULL AND canceled_at IS NULL`);
  await db.query(`CREATE INDEX cases_folio ON cases (folio)`);
  await db.query(`CREATE INDEX cases_subject_term ON cases (subject_code, term_due_date)`);
  await db.query(`CREATE INDEX cases_received_on ON cases (received_on)`);
  await db.query(`CREATE INDEX cases_open_term ON cases (term_due_date) WHERE status IN ('received', 'clarification_requested', 'extended')`);
  await db.query(`VACUUM ANALYZE cases`);
  await db.query(`VACUUM ANALYZE case_milestones`);
  log(`seed: indexes and statistics in ${seconds(t).toFixed(1)} s`);
}

async function redisMemory(url: string): Promise<number> {
  const client = new Redis(url);
  const info = await client.info('memory');
  client.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const redis = new PrivateRedis();
  await redis.start();
  log(`scratch database ${NAME}, private Redis on port ${redis.port}`);
  await migrateAndSeed(URL_);
  Object.assign(process.env, {
    DATABASE_URL: URL_,
    REDIS_URL: redis.url,
    REDIS_PREFIX: '{bench}',
    OUTBOX_POLL_MS: '3600000',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const [{ subjects }] = await db.query(`SELECT count(*)::int AS subjects FROM subjects`);
    await seedPlans(db, app.get(CalendarService));
    await seed(db, subjects);

    // The sweep's lookup: one batch off the partial index.
    const plan: { 'QUERY PLAN': string }[] = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT case_id FROM case_milestones
       WHERE due_at <= now() AND done_at IS NULL AND canceled_at IS NULL AND case_id <> ALL('{}'::uuid[])
       ORDER BY due_at LIMIT 500`,
    );
    log(`sweep lookup (one batch of 500): ${plan.map((r) => r['QUERY PLAN']).filter((l) => /Index|Execution/.test(l)).map((l) => l.trim()).join(' | ')}`);

    // One sweep pass over everything due; the outbox relay is timed on its own below.
    const outbox = app.get(Outbox);
    outbox.wake = () => undefined;
    const sweep = app.get(MilestoneSweep);
    const [{ due }] = await db.query(`SELECT count(*)::int AS due FROM case_milestones WHERE due_at <= now() AND done_at IS NULL AND canceled_at IS NULL`);
    let t = process.hrtime.bigint();
    const result = await sweep.pass();
    const sweepSeconds = seconds(t);
    log(
      `sweep pass: ${n(due)} due milestones (${n(result.cases)} cases of ${n(CASES)}) → ${n(result.fired)} fired, ${n(result.skipped)} skipped ` +
        `in ${sweepSeconds.toFixed(2)} s (${n(result.fired / sweepSeconds)} milestones/s)`,
    );
    t = process.hrtime.bigint();
    const idle = await sweep.pass();
    log(`idle sweep pass (nothing due, ${n(CASES)} open cases): ${(seconds(t) * 1000).toFixed(1)} ms, ${idle.cases} cases`);

    const [{ rows: pending }] = await db.query(`SELECT count(*)::int AS rows FROM outbox WHERE dispatched_at IS NULL`);
    t = process.hrtime.bigint();
    const relayed = await outbox.relay();
    const relaySeconds = seconds(t);
    log(`outbox relay (the real Outbox: addBulk per run of rows): ${n(relayed)} of ${n(pending)} rows in ${relaySeconds.toFixed(1)} s (${n(relayed / relaySeconds)} jobs/s)`);

    // Scheduling: the pending milestones of a subset of cases, added in bulk as the jobs the outbox would add.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    const memoryBefore = await redisMemory(redis.url);
    const queue = new Queue(QUEUES.deadlines.name, { connection: { host: '127.0.0.1', port: redis.port }, prefix: '{bench}:bull', defaultJobOptions: DEFAULT_JOB_OPTIONS });
    const rows: { case_id: string; kind: 'overdue'; due_at: Date }[] = await db.query(
      `SELECT m.case_id, m.kind, m.due_at FROM (SELECT id FROM cases ORDER BY id LIMIT $1) c
       JOIN case_milestones m ON m.case_id = c.id WHERE m.done_at IS NULL AND m.canceled_at IS NULL`,
      [REDIS_SUBSET],
    );
    t = process.hrtime.bigint();
    const CHUNK = 1000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const now = Date.now();
      await queue.addBulk(
        rows.slice(i, i + CHUNK).map((r) => {
          const entry = milestoneJob(r.case_id, r.kind, r.due_at);
          return { name: entry.job, data: entry.payload, opts: { jobId: entry.jobId, delay: Math.max(0, r.due_at.getTime() - now) } };
        }),
      );
    }
    const addSeconds = seconds(t);
    const memoryAfter = await redisMemory(redis.url);
    await queue.close();
    const perCase = (memoryAfter - memoryBefore) / REDIS_SUBSET;
    log(
      `scheduling: ${n(rows.length)} delayed jobs for ${n(REDIS_SUBSET)} cases in ${addSeconds.toFixed(1)} s with addBulk(${CHUNK}) ` +
        `(${n(rows.length / addSeconds)} jobs/s; ${n(CASES)} cases extrapolated: ${((addSeconds * CASES) / REDIS_SUBSET).toFixed(0)} s)`,
    );
    log(
      `redis memory: ${((memoryAfter - memoryBefore) / 1048576).toFixed(1)} MB for ${n(REDIS_SUBSET)} cases → ${n(perCase)} bytes per case, ` +
        `${n((memoryAfter - memoryBefore) / rows.length)} bytes per job; ${n(CASES)} cases extrapolated: ${((perCase * CASES) / 1073741824).toFixed(2)} GB`,
    );
  } finally {
    await app.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`));
    await redis.stop();
    log(`total ${seconds(started).toFixed(0)} s; scratch database dropped`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
