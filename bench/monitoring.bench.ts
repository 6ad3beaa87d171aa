// Monitoring at national scale: 1,000,000 cases over 1,260 obligated subjects and ten years,
// then the public monitoring endpoints timed over HTTP on the real api:
// statistics (all bodies for a year, one department, all bodies for ten years), one Art. 48
// report, the overdue list, and the full open-data export (time, peak RSS and heap).
// Goal: each statistics call under 500 ms. Works on its own scratch database, dropped at the end
// (BENCH_KEEP_DB=1 keeps it for EXPLAIN). Needs the local PostgreSQL and Redis, like the e2e tests.
// Run: npx ts-node -r tsconfig-paths/register bench/monitoring.bench.ts
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { addDays, localDateOf } from '../libs/calendar/src/law';
import { clearRedisPrefix } from '../test/support/test-environment';

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SUBJECTS = 1_260;
const CASES = 1_000_000;
const YEARS = 10;
const RUNS = 5;

const database = `ventanilla_bench_monitoring_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const databaseUrl = (name: string): string => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;

/** Fills the scratch database: subjects up to 1,260, then requests and cases in bulk SQL. */
async function seed(db: Client): Promise<void> {
  // Bodies beyond the catalog: spread over the sectors and the 22 departments like the real ones.
  await db.query(
    `INSERT INTO subjects (code, name, short_name, sector, department_code, department)
     SELECT 'BENCH-' || lpad(i::text, 4, '0'), 'Sujeto obligado de prueba ' || i, 'SOP' || i,
            (ARRAY['executive','legislative','judicial','municipal','autonomous','decentralized','other'])[1 + i % 7],
            CASE WHEN i % 3 = 0 THEN NULL ELSE lpad((1 + i % 22)::text, 2, '0') END,
            CASE WHEN i % 3 = 0 THEN NULL ELSE 'Departamento ' || (1 + i % 22) END
       FROM generate_series(1, $1::int - (SELECT count(*)::int FROM subjects)) AS i`,
    [SUBJECTS],
  );
  // One row of dice per case, so every column below reads the same draw.
  await db.query(`CREATE UNLOGGED TABLE bench_draws AS
    SELECT i, gen_random_uuid() AS request_id, gen_random_uuid() AS case_id,
           -- A few large bodies receive most requests, as in the PDH's yearly figures.
           (SELECT array_agg(code ORDER BY code) FROM subjects)[1 + floor(${SUBJECTS} * power(random(), 2.5))::int] AS subject_code,
           -- The last ten years (less a few days, so one maximal period of the api covers all of them).
           now() - random() * (interval '${YEARS} years' - interval '5 days') AS received_at,
           random() AS u_status, random() AS u_type, random() AS u_days, random() AS u_ext, random() AS u_appeal,
           random() AS u_channel, random() AS u_format
      FROM generate_series(1, ${CASES}) AS i`);
  await db.query(`ALTER TABLE bench_draws ADD COLUMN received_on date, ADD COLUMN extended boolean, ADD COLUMN status text,
                  ADD COLUMN days int`);
  await db.query(`UPDATE bench_draws SET
      -- Saturdays and Sundays count as received on Monday.
      received_on = (received_at AT TIME ZONE 'America/Guatemala')::date
        + CASE extract(isodow FROM received_at AT TIME ZONE 'America/Guatemala') WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END,
      extended = u_ext < 0.10,
      days = 1 + floor(24 * power(u_days, 1.6))::int`);
  await db.query(`UPDATE bench_draws SET status = CASE
      WHEN received_on > current_date - 30 AND u_status < 0.55 THEN CASE WHEN extended THEN 'extended' WHEN u_status < 0.05 THEN 'clarification_requested' ELSE 'received' END
      WHEN u_status < 0.86 THEN 'resolved'
      WHEN u_status < 0.90 THEN 'transferred'
      WHEN u_status < 0.94 THEN 'withdrawn'
      WHEN u_status < 0.95 THEN 'clarification_requested'
      WHEN extended THEN 'extended'
      ELSE 'received' END`);
  await db.query(`INSERT INTO requests (id, folio, access_code_hash, description, delivery_format, requester_name, requester_email,
                                        channel, filed_at)
    SELECT request_id, 'VT-' || extract(year FROM received_at)::int || '-' || lpad(upper(to_hex(i)), 9, '0'), 'bench',
           'Solicitud de prueba ' || i,
           CASE WHEN u_format < 0.70 THEN 'electronic' WHEN u_format < 0.88 THEN 'simple_copy'
                WHEN u_format < 0.95 THEN 'certified_copy' ELSE 'direct_consultation' END,
           'Persona de prueba ' || i, 'persona' || i || '@example.org',
           CASE WHEN u_channel < 0.55 THEN 'web' WHEN u_channel < 0.80 THEN 'in_person' WHEN u_channel < 0.90 THEN 'email'
                WHEN u_channel < 0.95 THEN 'phone' ELSE 'mail' END,
           received_at
      FROM bench_draws`);
  // Terms approximate días hábiles as 14 calendar days: the figures' shape, not the calendar, is under test here.
  await db.query(`INSERT INTO cases (id, request_id, folio, subject_code, status, channel, received_at, received_on, due_date,
                                     extended_due_date, ficta_due_date, extended_at, resolved_at, resolution_type, resolution_text,
                                     resolution_on_time, business_days_taken, closed_at, appeal_status, appeal_filed_at,
                                     appeal_outcome, appeal_decided_at, updated_at)
    SELECT d.case_id, d.request_id, r.folio, d.subject_code, d.status, r.channel, d.received_at, d.received_on, d.received_on + 14,
           CASE WHEN d.extended THEN d.received_on + 28 END, d.received_on + CASE WHEN d.extended THEN 42 ELSE 28 END,
           CASE WHEN d.extended THEN d.received_at + interval '12 days' END,
           CASE WHEN d.status = 'resolved' THEN d.received_at + d.days * interval '34 hours' END,
           CASE WHEN d.status <> 'resolved' THEN NULL
                WHEN d.u_type < 0.60 THEN 'delivered' WHEN d.u_type < 0.72 THEN 'partially_delivered'
                WHEN d.u_type < 0.76 THEN 'denied_reserved' WHEN d.u_type < 0.79 THEN 'denied_confidential'
                WHEN d.u_type < 0.85 THEN 'denied_no_clarification' ELSE 'nonexistent' END,
           CASE WHEN d.status = 'resolved' THEN 'Resolución de prueba' END,
           CASE WHEN d.status = 'resolved' THEN d.days <= CASE WHEN d.extended THEN 20 ELSE 10 END END,
           CASE WHEN d.status = 'resolved' THEN d.days END,
           CASE WHEN d.status IN ('resolved', 'transferred', 'withdrawn') THEN d.received_at + d.days * interval '34 hours' END,
           CASE WHEN d.status = 'resolved' AND d.u_appeal < 0.03 THEN CASE WHEN d.u_appeal < 0.024 THEN 'decided' ELSE 'filed' END END,
           CASE WHEN d.status = 'resolved' AND d.u_appeal < 0.03 THEN d.received_at + (d.days + 5) * interval '34 hours' END,
           CASE WHEN d.status = 'resolved' AND d.u_appeal < 0.024 THEN
             CASE WHEN d.u_appeal < 0.014 THEN 'confirmed' WHEN d.u_appeal < 0.020 THEN 'revoked' ELSE 'modified' END END,
           CASE WHEN d.status = 'resolved' AND d.u_appeal < 0.024 THEN d.received_at + (d.days + 10) * interval '34 hours' END,
           now()
      FROM bench_draws d JOIN requests r ON r.id = d.request_id`);
  await db.query(`DROP TABLE bench_draws`);
  // What autovacuum does on a live server: statistics for the planner, the visibility map for index-only scans.
  await db.query(`VACUUM (ANALYZE) subjects, requests, cases`);
}

interface Timing {
  first: number;
  median: number;
  bytes: number;
}

async function time(url: string, accept = 'application/json'): Promise<Timing> {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(url, { headers: { accept } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
    runs.push(seconds(started));
    bytes = body.byteLength;
  }
  const sorted = [...runs].sort((x, y) => x - y);
  return { first: runs[0], median: sorted[Math.floor(sorted.length / 2)], bytes };
}

interface ExportFigures {
  seconds: number;
  bytes: number;
  lines: number;
  peakRss: number;
  peakHeap: number;
  baseRss: number;
  baseHeap: number;
  /** RSS when 10 %, 50 % and 90 % of the rows had arrived: flat if memory does not grow with rows. */
  rssAt: number[];
}

/** Reads the whole export chunk by chunk (nothing kept), sampling this process's memory meanwhile. */
async function exportOnce(url: string, expectedLines: number): Promise<ExportFigures> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const milestones = [0.1, 0.5, 0.9].map((f) => Math.floor(expectedLines * f));
  const rssAt: number[] = [];
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  if (res.status !== 200 || !res.body) throw new Error(`${url} → ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    if (rssAt.length < milestones.length && lines >= milestones[rssAt.length]) rssAt.push(process.memoryUsage().rss);
  }
  const elapsed = seconds(started);
  clearInterval(sampler);
  return { seconds: elapsed, bytes, lines, peakRss, peakHeap, baseRss: base.rss, baseHeap: base.heapUsed, rssAt };
}

async function main(): Promise<void> {
  const total = process.hrtime.bigint();
  const url = databaseUrl(database);
  // The api reads its configuration from the environment when it boots.
  Object.assign(process.env, {
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `{bench:${database}}`,
    PORT: '0',
    NODE_ENV: 'test',
  });
  const { migrateAndSeed } = await import('../apps/api/src/migrate');
  let started = process.hrtime.bigint();
  await migrateAndSeed(url);
  console.log(`scratch database: ${database} (migrated and seeded in ${seconds(started).toFixed(1)} s)`);

  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    started = process.hrtime.bigint();
    await seed(db);
    const [{ subjects, cases, size }] = (
      await db.query(`SELECT (SELECT count(*) FROM subjects)::int AS subjects, (SELECT count(*) FROM cases)::int AS cases,
                             pg_size_pretty(pg_total_relation_size('cases')) AS size`)
    ).rows;
    console.log(`seeded:           ${cases.toLocaleString('en-US')} cases over ${subjects} subjects in ${seconds(started).toFixed(1)} s (cases table + indexes: ${size})`);

    const year = new Date().getUTCFullYear() - 1;
    // The longest period the api allows (ten years): it holds the whole history, weekend receptions moved to Monday included.
    const to = addDays(localDateOf(new Date()), 2);
    const dayAfter = addDays(to, 1);
    const from = `${Number(dayAfter.slice(0, 4)) - YEARS}${dayAfter.slice(4)}`;
    const [{ code: biggest, n }] = (
      await db.query(`SELECT subject_code AS code, count(*)::int AS n FROM cases
                       WHERE received_on BETWEEN $1 AND $2 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`, [`${year}-01-01`, `${year}-12-31`])
    ).rows;
    const [{ yearCases }] = (await db.query(`SELECT count(*)::int AS "yearCases" FROM cases WHERE received_on BETWEEN $1 AND $2`, [`${year}-01-01`, `${year}-12-31`])).rows;
    const [{ depCases, depSubjects }] = (
      await db.query(`SELECT count(*)::int AS "depCases", count(DISTINCT c.subject_code)::int AS "depSubjects"
                        FROM cases c JOIN subjects s ON s.code = c.subject_code
                       WHERE s.department_code = '01' AND c.received_on BETWEEN $1 AND $2`, [`${year}-01-01`, `${year}-12-31`])
    ).rows;

    const { NestFactory } = await import('@nestjs/core');
    const { EnvDto } = await import('@ventanilla/config');
    const { configureApi } = await import('@ventanilla/http');
    const { AppModule } = await import('../apps/api/src/app.module');
    const app = await NestFactory.create(AppModule, { bodyParser: false, bufferLogs: true, logger: false });
    configureApi(app, app.get(EnvDto));
    await app.listen(0, '127.0.0.1');
    const base = `${await app.getUrl()}/api/v1`;
    try {
      const report = (label: string, t: Timing) =>
        console.log(`${label.padEnd(46)} first ${ms(t.first).padStart(7)}   median of ${RUNS} ${ms(t.median).padStart(7)}   ${(t.bytes / 1024).toFixed(0)} KB`);
      console.log(`\nHTTP timings (api on this process, ${RUNS} runs each):`);
      report(`stats, all bodies, ${year} (${yearCases.toLocaleString('en-US')} cases)`, await time(`${base}/stats/subjects?from=${year}-01-01&to=${year}-12-31`));
      report(`stats, department 01 (${depSubjects} bodies, ${depCases.toLocaleString('en-US')})`, await time(`${base}/stats/subjects?from=${year}-01-01&to=${year}-12-31&departmentCode=01`));
      report(`stats, sector municipal, ${year}`, await time(`${base}/stats/subjects?from=${year}-01-01&to=${year}-12-31&sector=municipal`));
      report(`stats, all bodies, ten years (${CASES.toLocaleString('en-US')})`, await time(`${base}/stats/subjects?from=${from}&to=${to}`));
      report(`annual report ${biggest} ${year} (${n.toLocaleString('en-US')}) JSON`, await time(`${base}/reports/annual?subject=${biggest}&year=${year}`));
      report(`annual report ${biggest} ${year} CSV`, await time(`${base}/reports/annual?subject=${biggest}&year=${year}`, 'text/csv'));
      report(`overdue, first page of 100`, await time(`${base}/stats/overdue`));

      console.log(`\nopen-data export, ten years (whole history; server and reading client share this process):`);
      for (const format of ['csv', 'json']) {
        const e = await exportOnce(`${base}/open-data/cases?from=${from}&to=${to}&format=${format}`, cases);
        console.log(
          `${format.padEnd(5)} ${e.seconds.toFixed(1)} s, ${mb(e.bytes)}, ${e.lines.toLocaleString('en-US')} lines ` +
            `(${Math.round(e.lines / e.seconds).toLocaleString('en-US')} rows/s)\n` +
            `      RSS at start ${mb(e.baseRss)}, at 10/50/90 % of rows ${e.rssAt.map(mb).join(' / ')}, peak ${mb(e.peakRss)} (+${mb(e.peakRss - e.baseRss)}); ` +
            `heap at start ${mb(e.baseHeap)}, peak ${mb(e.peakHeap)} (+${mb(e.peakHeap - e.baseHeap)})`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await db.end();
    if (process.env.BENCH_KEEP_DB === '1') console.log(`\nkept ${url}`);
    else await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    // The api's queues left a few keys under the bench's own prefix.
    await clearRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `{bench:${database}}:`);
    console.log(`\ntotal bench time: ${seconds(total).toFixed(0)} s`);
  }
}

main().catch(async (error: unknown) => {
  console.error('El benchmark falló:', error);
  if (process.env.BENCH_KEEP_DB !== '1') await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => undefined);
  process.exit(1);
});
