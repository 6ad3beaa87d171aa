// The deadline watch at scale: 1,000,000 open cases with their milestones in a scratch database,
// received over the last four weeks (the life of an open case: ten días hábiles of term, ten of
// afirmativa ficta). Times one sweep pass with 1% of the cases due, an idle pass, the outbox
// relay of what the sweep enqueued; then Redis: the bytes per open case with every pending
// milestone scheduled (as before the horizon; a subset, extrapolated), the bytes per open case
// at 1M with only the horizon's milestones (the real top-up on the whole million, measured with
// INFO memory on a private Redis), and the time of one night's top-up for 1M open cases.
// Drops its database and stops its Redis at the end.
// Run: npm run bench:watch   (BENCH_CASES to change the size, BENCH_REDIS_CASES for the subset)
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, CalendarService, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { milestoneJob, milestoneSettings, planMilestones } from '@ventanilla/cases';
import { Clock, ConfigModule, loadConfig } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { bulkJob, DEFAULT_JOB_OPTIONS, Outbox, QueueModule, QUEUES } from '@ventanilla/queue';
import { MilestoneSweep, MilestoneTopUp, WatchCoreModule } from '@ventanilla/watch';
import { Queue } from 'bullmq';
import { admin, urlOf } from './support';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { migrateAndSeed } from '../apps/api/src/migrate';
import { PrivateRedis } from '../test/support/redis-server';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const DUE_EVERY = 100; // 1% of the cases have a milestone due
const AGES = 28; // the other 99% were received 0..27 days ago, evenly
const DAY_MS = 86_400_000;
const REDIS_SUBSET = Math.min(CASES, Number(process.env.BENCH_REDIS_CASES ?? 100_000));
const NAME = `ventanilla_bench_watch_${Date.now().toString(36)}`;
const URL_ = urlOf(NAME);

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const log = (line: string) => console.log(line);

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
  // already fired, its overdue is due; groups 1-28 (99%): received 0..27 days ago, whatever
  // of theirs fell due already fired (done), the rest is pending.
  const groups = [addDays(today, -20), ...Array.from({ length: AGES }, (_, age) => addDays(today, -age))];
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
  // Each case's group, for the milestones below (two groups can share a reception day).
  await db.query(
    `CREATE UNLOGGED TABLE bench_cases AS
     SELECT gen_random_uuid() AS id, g, CASE WHEN g % ${DUE_EVERY} = 0 THEN 0 ELSE 1 + g % ${AGES} END AS grp
     FROM generate_series(1, $1::int) g`,
    [CASES],
  );
  await db.query(
    `INSERT INTO cases (id, request_id, folio, subject_code, status, channel, received_at, received_on, due_date, ficta_due_date, updated_at)
     SELECT b.id, r.id, r.folio, p.code, 'received', 'web', p.received_on::timestamptz + interval '16 hours',
            p.received_on, p.due_date, p.ficta_due_date, now()
     FROM bench_cases b
     JOIN bench_plan p ON p.grp = b.grp AND p.idx = b.g % $1::int
     JOIN bench_requests r ON r.k = 1 + b.g % 1000`,
    [subjects],
  );
  log(`seed: ${n(CASES)} cases in ${seconds(t).toFixed(1)} s`);
  t = process.hrtime.bigint();
  await db.query(`ALTER TABLE case_milestones DROP CONSTRAINT case_milestones_case_id_fkey, DROP CONSTRAINT case_milestones_pkey`);
  await db.query(`DROP INDEX case_milestones_pending`);
  // What fell due before the bench's "now" fired then (done), except group 0's overdue: due now.
  await db.query(
    `INSERT INTO case_milestones (case_id, kind, due_at, done_at, outcome)
     SELECT c.id, m.kind, m.due_at, CASE WHEN x.done THEN m.due_at END, CASE WHEN x.done THEN 'fired' END
     FROM cases c JOIN bench_cases b ON b.id = c.id
     JOIN bench_milestones m ON m.code = c.subject_code AND m.received_on = c.received_on
     CROSS JOIN LATERAL (SELECT m.due_at <= now() AND NOT (b.grp = 0 AND m.kind = 'overdue') AS done) x`,
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

/** Flushes the private Redis and gives its memory then (scripts and allocator overhead stay out of the figures). */
async function emptyRedis(url: string): Promise<number> {
  const client = new Redis(url);
  await client.flushall();
  client.disconnect();
  return redisMemory(url);
}

async function sampleJob(url: string): Promise<{ key: string; bytes: number; encoding: unknown } | undefined> {
  const client = new Redis(url);
  try {
    const [, keys] = await client.scan('0', 'MATCH', '{bench}:bull:deadlines:ms-*', 'COUNT', 1000);
    const key = keys[0];
    if (!key) return undefined;
    return { key, bytes: Number(await client.memory('USAGE', key)), encoding: await client.object('ENCODING', key) };
  } finally {
    client.disconnect();
  }
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
    // The seed writes a million rows per statement; the 10 s default is for requests.
    DB_STATEMENT_TIMEOUT_MS: '900000',
    LOG_LEVEL: 'warn',
  });
  // BENCH_VERBOSE=1 shows the services' own progress lines (the top-up logs one per page).
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: process.env.BENCH_VERBOSE === '1' ? ['error', 'warn', 'log'] : ['error', 'warn'] });
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

    // Before the horizon: every pending milestone of a subset of cases, as the jobs the outbox added.
    const memoryEmpty = await emptyRedis(redis.url);
    const queue = new Queue(QUEUES.watch.name, { connection: { host: '127.0.0.1', port: redis.port }, prefix: '{bench}:bull', defaultJobOptions: DEFAULT_JOB_OPTIONS });
    const rows: { case_id: string; kind: 'overdue'; due_at: Date }[] = await db.query(
      `SELECT m.case_id, m.kind, m.due_at FROM (SELECT id FROM cases ORDER BY id LIMIT $1) c
       JOIN case_milestones m ON m.case_id = c.id WHERE m.done_at IS NULL AND m.canceled_at IS NULL AND m.due_at > now()`,
      [REDIS_SUBSET],
    );
    t = process.hrtime.bigint();
    const CHUNK = 1000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await queue.addBulk(
        rows.slice(i, i + CHUNK).map((r) => {
          const entry = milestoneJob(r.case_id, r.kind, r.due_at);
          return bulkJob(entry.queue, entry.job, entry.payload, entry.jobId!, r.due_at);
        }),
      );
    }
    const addSeconds = seconds(t);
    const allPending = (await redisMemory(redis.url)) - memoryEmpty;
    await queue.close();
    const perCaseBefore = allPending / REDIS_SUBSET;
    log(
      `before the horizon (every pending milestone a job): ${n(rows.length)} delayed jobs for ${n(REDIS_SUBSET)} cases in ${addSeconds.toFixed(1)} s ` +
        `(${n(rows.length / addSeconds)} jobs/s), ${((allPending) / 1048576).toFixed(1)} MB → ${n(perCaseBefore)} bytes per open case, ` +
        `${n(allPending / rows.length)} bytes per job; ${n(CASES)} cases extrapolated: ${((perCaseBefore * CASES) / 1073741824).toFixed(2)} GB`,
    );

    // With the horizon: what the real top-up puts in an empty Redis (a first start, or after a flush) for every case.
    const topUp = app.get(MilestoneTopUp);
    const horizonDays = loadConfig({}).WATCH_SCHEDULE_HORIZON_DAYS;
    const memoryBefore = await emptyRedis(redis.url);
    t = process.hrtime.bigint();
    const full = await topUp.run();
    const fullSeconds = seconds(t);
    const horizonBytes = (await redisMemory(redis.url)) - memoryBefore;
    const [{ pending: pendingMilestones }] = await db.query(`SELECT count(*)::int AS pending FROM case_milestones WHERE done_at IS NULL AND canceled_at IS NULL AND due_at > now()`);
    log(
      `with a ${horizonDays}-day horizon: the top-up from an empty Redis scheduled ${n(full.scheduled)} of ${n(pendingMilestones)} pending milestones ` +
        `in ${fullSeconds.toFixed(1)} s (${n(full.scheduled / fullSeconds)} jobs/s)`,
    );
    log(
      `redis memory at ${n(CASES)} open cases (INFO used_memory): ${(horizonBytes / 1048576).toFixed(1)} MB → ${n(horizonBytes / CASES)} bytes per open case ` +
        `(${n(horizonBytes / Math.max(1, full.scheduled))} bytes per job; before the horizon ${n(perCaseBefore)} → ${(perCaseBefore / (horizonBytes / CASES)).toFixed(1)}× less)`,
    );
    const sample = await sampleJob(redis.url);
    if (sample) log(`one milestone job: MEMORY USAGE ${n(sample.bytes)} bytes for its hash (${sample.encoding}), key ${sample.key}`);

    // One night's top-up: the next day comes within reach.
    const clock = app.get(Clock);
    const tomorrow = new Date(Date.now() + DAY_MS);
    clock.now = () => tomorrow;
    t = process.hrtime.bigint();
    const night = await topUp.run();
    const nightSeconds = seconds(t);
    log(
      `one night's top-up at ${n(CASES)} open cases: ${n(night.scheduled)} milestones (${night.from} – ${night.until}) ` +
        `in ${nightSeconds.toFixed(1)} s (${n(night.scheduled / nightSeconds)} jobs/s)`,
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
