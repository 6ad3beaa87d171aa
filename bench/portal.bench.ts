// The portal at national scale: 1,000,000 cases (BENCH_CASES) over the seeded catalog's bodies
// and three years, written straight into a scratch database in bulk SQL (not through the API),
// then each page under wrk -t1 -c16 (BENCH_CONNECTIONS) for BENCH_SECONDS on the built api:
// the public request page /solicitudes/{folio} (random folios), a body's page /sujetos/{code}
// (random among the busiest), /estadisticas, and the officer's inbox — the API's GET
// /api/v1/cases and the page /personal/bandeja — for the officer of the busiest body.
// Target (#17): p95 under 50 ms each. Prints p50/p95/p99, throughput and the load average, twice:
// as wrk sees them (the whole round trip, including the wait for a core on a machine shared with
// wrk and PostgreSQL, and the queue behind the other 15 connections), and the api's own time per
// request (`responseTime` of its JSON access lines: from the request reaching the api's handlers
// to its last byte written; whole milliseconds). Both grow with the machine's load; what does
// not is the CPU each request cost: the api process's, and that of the database's PostgreSQL
// backends (from /proc, Linux), printed per request too. Requests send a browser's
// Accept-Encoding, so pages pay their compression as in real use.
// Needs `npm run build`, wrk, the local PostgreSQL; starts its own Redis. BENCH_KEEP_DB=1 keeps
// the database (for EXPLAIN); it is dropped otherwise. BENCH_CPU_PROF=<folder> profiles the api,
// BENCH_ONLY=<1-5> runs one page.
// Run: npm run bench:portal
import 'reflect-metadata';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrateAndSeed } from '../apps/api/src/migrate';
import { freePort, PrivateRedis } from '../test/support/redis-server';
import { admin, Latencies, Server, urlOf, WRK_PERCENTILES_LUA, wrkLatencies } from './support';

const ROOT = join(__dirname, '..');
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TARGET_P95_MS = 50;
const YEARS = 3;
// BENCH_REUSE_DB=<name>: a database an earlier run kept (BENCH_KEEP_DB=1), migrated again but not seeded again, nor dropped.
const REUSE = process.env.BENCH_REUSE_DB;
const DATABASE = REUSE ?? `ventanilla_bench_portal_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;

const log = (line: string) => console.log(line);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const seconds = (from: bigint) => (Number(process.hrtime.bigint() - from) / 1e9).toFixed(1);

/** Requests, cases and their events in bulk: one draw per case, a few large bodies receiving most of them. */
async function seed(db: Client): Promise<void> {
  const step = async (label: string, sql: string) => {
    const started = process.hrtime.bigint();
    await db.query(sql);
    log(`  ${label}: ${seconds(started)} s`);
  };
  await step('draws', `CREATE UNLOGGED TABLE bench_draws AS
    SELECT i, gen_random_uuid() AS request_id, gen_random_uuid() AS case_id,
           (SELECT array_agg(code ORDER BY code) FROM subjects)[1 + floor((SELECT count(*) FROM subjects) * power(random(), 2.5))::int] AS subject_code,
           now() - random() * interval '${YEARS} years' AS received_at, random() AS u_status, random() AS u_days, random() AS u_channel
      FROM generate_series(1, ${CASES}) AS i`);
  await step('dates and states', `ALTER TABLE bench_draws ADD COLUMN received_on date, ADD COLUMN status text, ADD COLUMN days int`);
  await db.query(`UPDATE bench_draws SET received_on = (received_at AT TIME ZONE 'America/Guatemala')::date, days = 1 + floor(20 * u_days)::int`);
  // Recent cases are mostly open; older ones mostly closed, as a live system's would be.
  await db.query(`UPDATE bench_draws SET status = CASE
      WHEN received_on > current_date - 30 AND u_status < 0.6 THEN CASE WHEN u_status < 0.05 THEN 'clarification_requested' WHEN u_status < 0.1 THEN 'extended' ELSE 'received' END
      WHEN u_status < 0.02 THEN 'received'
      WHEN u_status < 0.85 THEN 'resolved'
      WHEN u_status < 0.92 THEN 'transferred'
      ELSE 'withdrawn' END`);
  await step('requests', `INSERT INTO requests (id, folio, access_code_hash, description, delivery_format, requester_name, requester_email, channel, filed_at)
    SELECT request_id,
           'VT-' || extract(year FROM received_on)::int || '-' || substr(lpad(upper(to_hex(i)), 8, '0'), 1, 4) || '-' || substr(lpad(upper(to_hex(i)), 8, '0'), 5, 4),
           'bench', 'Solicito copia de los contratos y sus pagos del año, solicitud de prueba número ' || i, 'electronic',
           'Persona de prueba ' || i, 'persona' || i || '@example.org', CASE WHEN u_channel < 0.7 THEN 'web' ELSE 'in_person' END, received_at
      FROM bench_draws`);
  // Terms approximate días hábiles as 14 calendar days: the pages' queries are under test, not the calendar.
  await step('cases', `INSERT INTO cases (id, request_id, folio, subject_code, status, channel, received_at, received_on, due_date,
                                     extended_due_date, ficta_due_date, extended_at, resolved_at, resolution_type, resolution_text,
                                     resolution_on_time, business_days_taken, closed_at, updated_at)
    SELECT d.case_id, d.request_id, r.folio, d.subject_code, d.status, r.channel, d.received_at, d.received_on, d.received_on + 14,
           CASE WHEN d.status = 'extended' THEN d.received_on + 28 END, d.received_on + CASE WHEN d.status = 'extended' THEN 42 ELSE 28 END,
           CASE WHEN d.status = 'extended' THEN d.received_at + interval '12 days' END,
           CASE WHEN d.status = 'resolved' THEN d.received_at + d.days * interval '34 hours' END,
           CASE WHEN d.status = 'resolved' THEN CASE WHEN d.u_days < 0.7 THEN 'delivered' ELSE 'nonexistent' END END,
           CASE WHEN d.status = 'resolved' THEN 'Resolución de prueba' END,
           CASE WHEN d.status = 'resolved' THEN d.days <= 10 END,
           CASE WHEN d.status = 'resolved' THEN d.days END,
           CASE WHEN d.status IN ('resolved', 'transferred', 'withdrawn') THEN d.received_at + d.days * interval '34 hours' END,
           now()
      FROM bench_draws d JOIN requests r ON r.id = d.request_id`);
  await step('events', `INSERT INTO case_events (case_id, type, at, actor_kind, data)
    SELECT case_id, 'received', received_at, 'requester', '{}'::jsonb FROM bench_draws
    UNION ALL
    SELECT case_id, status, received_at + days * interval '34 hours', 'staff', '{}'::jsonb FROM bench_draws
     WHERE status IN ('resolved', 'transferred', 'withdrawn')`);
  await db.query(`DROP TABLE bench_draws`);
  // What autovacuum does on a live server: statistics for the planner, the visibility map for index-only scans.
  await step('vacuum analyze', `VACUUM (ANALYZE) subjects, requests, cases, case_events`);
}

/** The cookies a response sets, as a Cookie header's value. */
function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${res.url} respondió ${res.status}, no ${expected}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The officer's API token and page cookie: an account made by the first administrator, signed in both ways. */
async function officerOf(base: string, subjectCode: string, env: Record<string, string>): Promise<{ token: string; cookie: string }> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const adminToken = (await json<{ accessToken: string }>(await post('/api/v1/auth/login', { email: 'admin@ventanilla.local', password: env.ADMIN_PASSWORD }), 200)).accessToken;
  const email = `oficial.bench@${subjectCode.toLowerCase()}.gob.gt`;
  const password = randomBytes(12).toString('hex');
  await json(await post('/api/v1/users', { email, password, role: 'uip_officer', subjectCode }, adminToken), 201);
  const token = (await json<{ accessToken: string }>(await post('/api/v1/auth/login', { email, password }), 200)).accessToken;
  // The page's sign-in form, as a browser posts it: its CSRF cookie and token first.
  const form = await fetch(`${base}/personal/entrar`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('/personal/entrar no tiene su token CSRF');
  const signedIn = await fetch(`${base}/personal/entrar`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(form) },
    body: new URLSearchParams({ _csrf: csrf, correo: email, contrasena: password }).toString(),
  });
  if (signedIn.status !== 303) throw new Error(`/personal/entrar respondió ${signedIn.status}: ${(await signedIn.text()).slice(0, 300)}`);
  return { token, cookie: [cookiesOf(form), cookiesOf(signedIn)].filter(Boolean).join('; ') };
}

/** What a browser sends with every request: pages are compressed for it. */
const BROWSER_HEADERS = { 'Accept-Encoding': 'gzip, deflate, br' };

/** A wrk script: GETs one of `paths` at random per request, with `headers`. */
function script(dir: string, name: string, paths: string[], headers: Record<string, string> = {}): string {
  headers = { ...BROWSER_HEADERS, ...headers };
  const lua = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    [
      ...Object.entries(headers).map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`),
      `local paths = { ${paths.map(lua).join(', ')} }`,
      `request = function() return wrk.format('GET', paths[math.random(#paths)]) end`,
      WRK_PERCENTILES_LUA,
    ].join('\n'),
  );
  return file;
}

/**
 * The api's own time per request, from its JSON access lines (pino-http's `responseTime`, whole
 * ms): collected while `collecting` is set, for the page being measured.
 */
class ServerTimes {
  private times: number[] = [];
  collecting = false;

  constructor(stdout: NodeJS.ReadableStream) {
    let rest = '';
    stdout.on('data', (chunk: string | Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      if (!this.collecting) return;
      for (const line of lines) {
        if (!line.includes('"responseTime"')) continue;
        try {
          const entry = JSON.parse(line) as { responseTime?: number; req?: { url?: string } };
          if (typeof entry.responseTime === 'number' && entry.req?.url !== '/health') this.times.push(entry.responseTime);
        } catch {
          // Not an access line.
        }
      }
    });
  }

  start(): void {
    this.times = [];
    this.collecting = true;
  }

  /** p50/p95/p99 of what was collected since `start` (after a pause for the last lines to arrive). */
  async stop(): Promise<{ n: number; p50: number; p95: number; p99: number }> {
    await new Promise((r) => setTimeout(r, 500));
    this.collecting = false;
    const sorted = [...this.times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }
}

/** CPU seconds (user + system) a process has used, from /proc (0 when it is gone or not on Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** The api's and the bench database's PostgreSQL backends' CPU, read before and after a run. */
async function cpuMeter(apiPid: number | undefined): Promise<() => Promise<{ apiMs: number; postgresMs: number }>> {
  const backends = async () =>
    admin(async (c) => (await c.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [DATABASE])).rows.map((r) => r.pid as number));
  const pids = await backends();
  const before = { api: cpuSeconds(apiPid), postgres: new Map(pids.map((pid) => [pid, cpuSeconds(pid)])) };
  return async () => {
    let postgres = 0;
    // Backends the pool opened during the run count from zero; one it closed meanwhile is lost (a small undercount).
    for (const pid of await backends()) postgres += cpuSeconds(pid) - (before.postgres.get(pid) ?? 0);
    return { apiMs: (cpuSeconds(apiPid) - before.api) * 1000, postgresMs: postgres * 1000 };
  };
}

const f = (x: number, digits = 1) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) throw new Error('Falta dist: npm run build');
  log(`portal bench: ${CASES.toLocaleString('en-US')} cases, wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, load average at start ${load()}`);
  const scratch = join(tmpdir(), `ventanilla-bench-portal-${Date.now().toString(36)}`);
  mkdirSync(scratch, { recursive: true });
  const redis = new PrivateRedis();
  let api: Server | undefined;
  let created = false;
  try {
    if (!REUSE) {
      await admin((c) => c.query(`CREATE DATABASE "${DATABASE}"`));
      created = true;
    }
    await migrateAndSeed(urlOf(DATABASE));
    const db = new Client({ connectionString: urlOf(DATABASE) });
    await db.connect();
    const adminPassword = randomBytes(24).toString('hex');
    // A kept database keeps the earlier run's accounts: this run's administrator password, and a new officer.
    await db.query(`DELETE FROM users WHERE email LIKE 'oficial.bench@%'`);
    await db.query(`UPDATE users SET password_hash = $1 WHERE email = 'admin@ventanilla.local'`, [await argon2.hash(adminPassword)]);
    if (!REUSE) {
      const seeding = process.hrtime.bigint();
      log('seeding:');
      await seed(db);
      log(`seeded in ${seconds(seeding)} s`);
    }
    log(`${(await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n.toLocaleString('en-US')} cases in ${DATABASE}`);
    const [busiest] = (await db.query(
      `SELECT subject_code AS code, count(*)::int AS open FROM cases WHERE status IN ('received', 'clarification_requested', 'extended')
       GROUP BY subject_code ORDER BY 2 DESC LIMIT 1`,
    )).rows as { code: string; open: number }[];
    const bodies = (await db.query(`SELECT subject_code AS code FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 50`)).rows.map((r) => r.code as string);
    const folios = (await db.query(`SELECT folio FROM requests TABLESAMPLE SYSTEM (1) LIMIT 2000`)).rows.map((r) => r.folio as string);
    await db.end();
    log(`officer's body: ${busiest.code} with ${busiest.open.toLocaleString('en-US')} open cases`);

    await redis.start();
    const port = await freePort();
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
      ACCESS_CODE_SECRET: randomBytes(24).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
      DATABASE_URL: urlOf(DATABASE),
      REDIS_URL: redis.url,
      PORT: String(port),
      // wrk searches from one address: the per-address search limit would answer 429 instead.
      SEARCH_ADDRESS_LIMIT: '100000000',
    };
    // BENCH_CPU_PROF=<folder>: the api writes a V8 CPU profile there when it stops. BENCH_ONLY=<n>: only the n-th page (1-7).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    api = new Server('ventanilla', [...profile, 'dist/apps/api/src/main.js'], ROOT, env);
    const serverTimes = new ServerTimes(api.child.stdout!);
    const base = `http://127.0.0.1:${port}`;
    await api.ready(`${base}/health`);
    const officer = await officerOf(base, busiest.code, env);

    const pages: { name: string; script: string }[] = [
      { name: '/solicitudes/{folio}', script: script(scratch, 'request', folios.map((x) => `/solicitudes/${x}`)) },
      { name: '/sujetos/{code}', script: script(scratch, 'subject', bodies.map((x) => `/sujetos/${x}`)) },
      { name: '/estadisticas', script: script(scratch, 'stats', ['/estadisticas']) },
      { name: 'GET /api/v1/cases (officer)', script: script(scratch, 'cases', ['/api/v1/cases'], { Authorization: `Bearer ${officer.token}` }) },
      { name: '/personal/bandeja (officer)', script: script(scratch, 'inbox', ['/personal/bandeja'], { Cookie: officer.cookie }) },
      // Words nearly every seeded description contains: the search's bound (at most 1,000 matches counted and ranked).
      { name: '/buscar (a word nearly every request has)', script: script(scratch, 'search-common', ['contratos', 'solicito', 'pagos'].map((w) => `/buscar?q=${w}`)) },
      // One request's own number: a selective search.
      { name: '/buscar (selective)', script: script(scratch, 'search-selective', folios.slice(0, 200).map((_, i) => `/buscar?q=${encodeURIComponent(`prueba ${(i * 4999) % CASES}`)}`)) },
    ];
    const results: { name: string; r: Latencies }[] = [];
    const only = Number(process.env.BENCH_ONLY ?? 0);
    for (const page of only ? [pages[only - 1]] : pages) {
      await wrkLatencies(page.script, base, CONNECTIONS, 3); // warm-up: JIT, caches, pool
      serverTimes.start();
      const cpu = await cpuMeter(api.child.pid);
      const r = await wrkLatencies(page.script, base, CONNECTIONS, SECONDS);
      const used = await cpu();
      const own = await serverTimes.stop();
      results.push({ name: page.name, r });
      log(
        `${page.name}: wrk p50 ${f(r.p50Ms)} ms, p95 ${f(r.p95Ms)} ms, p99 ${f(r.p99Ms)} ms, ${f(r.rps, 0)} req/s` +
          `${r.non2xx || r.socketErrors ? ` (${r.non2xx} non-2xx, ${r.socketErrors} socket errors of ${r.requests})` : ''}` +
          ` — ${r.p95Ms < TARGET_P95_MS && !r.non2xx ? 'meets' : 'MISSES'} p95 < ${TARGET_P95_MS} ms; load average ${load()}`,
      );
      log(
        `  the api's own time (${own.n.toLocaleString('en-US')} access lines): p50 ${own.p50} ms, p95 ${own.p95} ms, p99 ${own.p99} ms` +
          ` — ${own.p95 < TARGET_P95_MS ? 'meets' : 'MISSES'} p95 < ${TARGET_P95_MS} ms`,
      );
      log(`  CPU per request: the api ${f(used.apiMs / r.requests, 2)} ms, PostgreSQL ${f(used.postgresMs / r.requests, 2)} ms`);
    }
    log(`load average at end ${load()} (2 cores shared by the servers, PostgreSQL and wrk: latencies include the wait for a core)`);
  } finally {
    await api?.stop();
    await redis.stop();
    if (created && process.env.BENCH_KEEP_DB !== '1') await admin((c) => c.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`));
    else if (created) log(`database kept: ${DATABASE}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
