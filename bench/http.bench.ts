// Intake and lookup over HTTP, as a ratio against the raw baseline (../shared/bench/raw-baseline:
// plain node:http + pg doing a filing's durable work), measured side by side in one run with wrk
// and the same settings. Starts Ventanilla's api (from the sources with ts-node, or the built
// `dist` with BENCH_DIST=1; no worker: the outbox only fills) against its own scratch database and
// a private Redis, and the baseline against its own scratch database on the same PostgreSQL; runs
// each load against both, alternately, twice; drops both databases at the end.
// Loads: a two-body filing without Idempotency-Key, the public lookup by folio, the requester's
// view with X-Access-Code (the baseline has no requester's view: its ratio is against the
// baseline's lookup).
// Then the filing at a fixed rate (BENCH_FILING_RATE, 200 a second), open loop, for its p99.
// Each figure also has the server process's CPU time per request (/proc), steadier than req/s
// when other work shares the machine; each ratio is given both ways.
// Run: npm run bench:http   (BENCH_SECONDS, BENCH_WARMUP_SECONDS (10), BENCH_CONNECTIONS, BENCH_FILING_RATE, BENCH_DIST=1, BASELINE_DIR, BENCH_CPU_PROF=<folder>,
//      BENCH_ONLY=lookup (one load only, e.g. for a profile: filing, lookup, view), BENCH_LOADS=lookup,view (the rounds' loads))
import 'reflect-metadata';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { migrateAndSeed } from '../apps/api/src/migrate';
import { freePort, PrivateRedis } from '../test/support/redis-server';
import { admin, Server, urlOf } from './support';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
// Load on each path of both servers before anything is counted.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
// The issue's target: p99 under 50 ms for filings arriving at this rate.
const FILING_RATE = Number(process.env.BENCH_FILING_RATE ?? 200);
// BENCH_LOADS=lookup,view: the rounds run only those loads (the lookup's baseline always runs).
const LOADS = new Set((process.env.BENCH_LOADS ?? 'filing,lookup,view').split(',').map((l) => l.trim()));
// `../shared/bench/raw-baseline` beside the repository (or beside the folder of its worktree).
const BASELINE_DIR =
  process.env.BASELINE_DIR ??
  [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')].map((d) => join(d, 'bench', 'raw-baseline')).find((d) => existsSync(d)) ??
  join(ROOT, '..', 'shared', 'bench', 'raw-baseline');
const STAMP = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const DATABASES = { ventanilla: `ventanilla_bench_http_${STAMP}`, baseline: `ventanilla_bench_raw_${STAMP}` };

// The baseline's own filing body (file.lua), so both servers get the same request.
const FILING = {
  subjects: ['MINFIN', 'MUNI-0407'],
  description: 'Solicito copia del presupuesto municipal aprobado para 2026 y sus modificaciones',
  requester: { name: 'Ana Prueba', email: 'ana@example.org' },
  deliveryFormat: 'electronic',
};

const execFileAsync = promisify(execFile);
const log = (line: string) => console.log(line);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A copy of the baseline in a temporary folder with its own `npm ci`, reused while its lock file is the same. */
function baselineCopy(): string {
  const lock = readFileSync(join(BASELINE_DIR, 'package-lock.json'));
  const dir = join(tmpdir(), `ventanilla-raw-baseline-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  cpSync(BASELINE_DIR, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  if (!existsSync(join(dir, 'node_modules', 'pg'))) {
    log(`baseline: npm ci in ${dir}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

interface Figures {
  /** The server process's CPU time (user + system) per request answered, in µs: steadier than req/s on a shared machine. */
  cpuUsPerRequest?: number;
  rps: number;
  meanMs: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
}

// wrk's done() hook prints one JSON line with the figures (latency in microseconds).
const DONE_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"mean_us":%f,"p99_us":%d,"status":%d,"socket":%d}\\n',
    summary.requests, summary.duration, latency.mean, latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
`;

function wrkScripts(dir: string): { filing: string; get: (code?: string) => string } {
  const luaString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const filing = join(dir, 'filing.lua');
  writeFileSync(
    filing,
    `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${luaString(JSON.stringify(FILING))}\n${DONE_LUA}`,
  );
  const get = (code?: string) => {
    const file = join(dir, code ? `view-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.lua` : 'lookup.lua');
    writeFileSync(file, `${code ? `wrk.headers["X-Access-Code"] = ${luaString(code)}\n` : ''}${DONE_LUA}`);
    return file;
  };
  return { filing, get };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU time (user + system) a process has used so far, in µs; undefined where /proc is not there. */
function cpuMicros(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

// Asynchronous on purpose: while wrk runs, this process must keep reading the servers' output.
// A synchronous wait leaves the api's stdout pipe unread; once it fills, every log write of the
// api blocks (pino writes synchronously), and the bench measures a stalled pipe, not the server.
async function wrk(script: string, url: string, seconds = SECONDS, serverPid?: number): Promise<Figures> {
  const cpuBefore = cpuMicros(serverPid);
  const { stdout: out } = await execFileAsync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk no dio cifras:\n${out}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length));
  const cpuAfter = cpuMicros(serverPid);
  return {
    cpuUsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && r.requests > 0 ? (cpuAfter - cpuBefore) / r.requests : undefined,
    rps: r.requests / (r.duration_us / 1e6),
    meanMs: r.mean_us / 1000,
    p99Ms: r.p99_us / 1000,
    requests: r.requests,
    non2xx: r.status,
    socketErrors: r.socket,
  };
}

interface RateFigures {
  sent: number;
  ok: number;
  failed: number;
  /** What the failures were: statuses, or socket errors by code. */
  failures: string;
  p50: number;
  p99: number;
  max: number;
}

/** POSTs `body` at `rate` a second for `seconds`, each at its planned instant; latencies in ms from that instant. */
async function fixedRate(url: string, body: string, rate: number, seconds: number): Promise<RateFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const statuses = new Map<string, number>();
  const failure = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);
  const send = (planned: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - planned);
            if (res.statusCode === 201) ok++;
            else {
              failed++;
              failure(String(res.statusCode));
            }
            resolve();
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        failed++;
        failure(error.code ?? 'error');
        resolve();
      });
      req.end(body);
    });
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; ) {
    const now = performance.now();
    // Everything planned up to now leaves now (a timer that fired late does not thin the load).
    while (i < total && start + (i * 1000) / rate <= now) pending.push(send(start + (i++ * 1000) / rate));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    sent: total,
    ok,
    failed,
    failures: [...statuses].map(([what, n]) => `${n} × ${what}`).join(', '),
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Files one request through the server's own API: the folio and code the lookups read. */
async function fileOne(base: string): Promise<{ folio: string; accessCode: string }> {
  const res = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(FILING),
  });
  const body = (await res.json()) as { folio?: string; accessCode?: string };
  if (res.status !== 201 || !body.folio || !body.accessCode) throw new Error(`${base}: la solicitud de prueba respondió ${res.status} ${JSON.stringify(body)}`);
  return { folio: body.folio, accessCode: body.accessCode };
}

async function checkStatus(url: string, headers: Record<string, string>, expected: number): Promise<void> {
  const res = await fetch(url, { headers });
  if (res.status !== expected) throw new Error(`${url} respondió ${res.status}, no ${expected}: ${(await res.text()).slice(0, 300)}`);
}

const f = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const describe = (r: Figures) =>
  `${f(r.rps)} req/s, mean ${f(r.meanMs, 1)} ms, p99 ${f(r.p99Ms, 1)} ms` +
  (r.cpuUsPerRequest !== undefined ? `, server CPU ${f(r.cpuUsPerRequest)} µs/request` : '') +
  (r.non2xx || r.socketErrors ? ` (${f(r.non2xx)} non-2xx, ${f(r.socketErrors)} socket errors of ${f(r.requests)})` : '');

async function main(): Promise<void> {
  // `wrk --version` exits 1 even when present: only a missing binary counts.
  if (spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error) throw new Error('Falta wrk: apt-get install -y wrk');
  if (!existsSync(join(BASELINE_DIR, 'server.mjs'))) {
    throw new Error(`No hay línea base en ${BASELINE_DIR} (BASELINE_DIR): sin ella no hay razón que medir.`);
  }
  log(`http bench: wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, load average at start ${load()} (1/5/15 min)`);
  const scratch = join(tmpdir(), `ventanilla-bench-http-${STAMP}`);
  mkdirSync(scratch, { recursive: true });
  const scripts = wrkScripts(scratch);
  const redis = new PrivateRedis();
  const servers: Server[] = [];
  const created: string[] = [];
  try {
    const baselineDir = baselineCopy();
    await admin((c) => c.query(`CREATE DATABASE "${DATABASES.baseline}"`));
    created.push(DATABASES.baseline);
    created.push(DATABASES.ventanilla);
    await migrateAndSeed(urlOf(DATABASES.ventanilla));
    await redis.start();

    const [rawPort, apiPort] = [await freePort(), await freePort()];
    const raw = new Server('baseline', ['server.mjs'], baselineDir, { DATABASE_URL: urlOf(DATABASES.baseline), PORT: String(rawPort) });
    servers.push(raw);
    const dist = process.env.BENCH_DIST === '1';
    if (dist && !existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) throw new Error('BENCH_DIST=1 sin dist: npm run build');
    // BENCH_CPU_PROF=<folder>: the api writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    const api = new Server(
      'ventanilla',
      [...profile, ...(dist ? ['dist/apps/api/src/main.js'] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'])],
      ROOT,
      {
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(24).toString('hex'),
        ACCESS_CODE_SECRET: randomBytes(24).toString('hex'),
        ADMIN_PASSWORD: randomBytes(24).toString('hex'),
        DATABASE_URL: urlOf(DATABASES.ventanilla),
        REDIS_URL: redis.url,
        PORT: String(apiPort),
        // wrk is one client address filing for one recipient: the anonymous-write limits (#11) are raised.
        FILING_ADDRESS_LIMIT: '100000000',
        FILING_RECIPIENT_DAILY_LIMIT: '100000000',
        // Each access-code check is reserved before the code is looked at (#11): 16 connections on
        // one folio from one address hold more than the 5 reservations allowed at once and get 429s.
        ACCESS_CODE_MAX_FAILURES: '100000000',
        ACCESS_CODE_ADDRESS_MAX_FAILURES: '100000000',
      },
    );
    servers.push(api);
    const bases = { baseline: `http://127.0.0.1:${rawPort}`, ventanilla: `http://127.0.0.1:${apiPort}` };
    const pids = { baseline: raw.child.pid, ventanilla: api.child.pid };
    await Promise.all([raw.ready(`${bases.baseline}/api/v1/requests/none`), api.ready(`${bases.ventanilla}/health`)]);
    log(`servers up (ventanilla from ${dist ? 'dist' : 'sources, ts-node transpile-only'}; no worker)`);

    const filed = { baseline: await fileOne(bases.baseline), ventanilla: await fileOne(bases.ventanilla) };
    const lookup = (who: 'baseline' | 'ventanilla') => `${bases[who]}/api/v1/requests/${filed[who].folio}`;
    await checkStatus(lookup('baseline'), {}, 200);
    await checkStatus(lookup('ventanilla'), {}, 200);
    await checkStatus(lookup('ventanilla'), { 'x-access-code': filed.ventanilla.accessCode }, 200);
    const view = scripts.get(filed.ventanilla.accessCode);
    const lookupScript = scripts.get();

    // A warm-up of every path on both (JIT, pools, caches), not counted. Ventanilla's filing runs
    // far more JavaScript than the baseline's and takes longer to be optimized: its CPU per
    // filing kept falling for ~20 s of load (from ~3.5 ms to ~1.5 ms on this machine), while the
    // baseline's was flat after a second. With 2 s, round 1 measured Ventanilla's JIT.
    for (const who of ['baseline', 'ventanilla'] as const) {
      await wrk(scripts.filing, `${bases[who]}/api/v1/requests`, WARMUP_SECONDS);
      await wrk(lookupScript, lookup(who), WARMUP_SECONDS);
    }
    await wrk(view, lookup('ventanilla'), WARMUP_SECONDS);

    const only = process.env.BENCH_ONLY;
    if (only) {
      // One load on Ventanilla alone (a profile of one path), no ratio.
      const loads: Record<string, [string, string]> = {
        filing: [scripts.filing, `${bases.ventanilla}/api/v1/requests`],
        lookup: [lookupScript, lookup('ventanilla')],
        view: [view, lookup('ventanilla')],
      };
      if (!loads[only]) throw new Error(`BENCH_ONLY: ${only} no es filing, lookup ni view`);
      log(`${only} · ventanilla ${describe(await wrk(...loads[only], SECONDS, pids.ventanilla))}; load average ${load()}`);
      return;
    }
    type Row = { round: number; load: string; baseline: Figures; ventanilla: Figures; loadavg: string };
    const rows: Row[] = [];
    for (const round of [1, 2]) {
      // Alternate who goes first, so neither always runs on the warmer (or busier) minute.
      const order = round === 1 ? (['baseline', 'ventanilla'] as const) : (['ventanilla', 'baseline'] as const);
      const runs: Record<string, Partial<Record<'baseline' | 'ventanilla', Figures>>> = { filing: {}, lookup: {}, view: {} };
      if (LOADS.has('filing')) for (const who of order) runs.filing[who] = await wrk(scripts.filing, `${bases[who]}/api/v1/requests`, SECONDS, pids[who]);
      for (const who of order) {
        runs.lookup[who] = await wrk(lookupScript, lookup(who), SECONDS, pids[who]);
        if (who === 'ventanilla' && LOADS.has('view')) runs.view.ventanilla = await wrk(view, lookup('ventanilla'), SECONDS, pids.ventanilla);
      }
      const at = load();
      if (LOADS.has('filing')) rows.push({ round, load: 'filing (two bodies, no Idempotency-Key)', baseline: runs.filing.baseline!, ventanilla: runs.filing.ventanilla!, loadavg: at });
      if (LOADS.has('lookup')) rows.push({ round, load: 'public lookup by folio', baseline: runs.lookup.baseline!, ventanilla: runs.lookup.ventanilla!, loadavg: at });
      if (LOADS.has('view')) rows.push({ round, load: "requester's view (X-Access-Code) vs baseline lookup", baseline: runs.lookup.baseline!, ventanilla: runs.view.ventanilla!, loadavg: at });
      for (const r of rows.filter((x) => x.round === round)) {
        const cpu = r.ventanilla.cpuUsPerRequest && r.baseline.cpuUsPerRequest ? `; by server CPU per request ${(r.baseline.cpuUsPerRequest / r.ventanilla.cpuUsPerRequest).toFixed(3)}×` : '';
        log(`round ${round} · ${r.load}: ratio ${(r.ventanilla.rps / r.baseline.rps).toFixed(3)}×${cpu}`);
        log(`    ventanilla ${describe(r.ventanilla)}`);
        log(`    baseline   ${describe(r.baseline)}`);
      }
      log(`    load average after round ${round}: ${at}`);
    }
    // The issue's latency target is at a given rate, not at saturation: an open-loop load (each
    // request sent at its planned instant, latency counted from that instant, as wrk2 does).
    for (const who of LOADS.has('filing') ? (['baseline', 'ventanilla'] as const) : []) {
      const r = await fixedRate(`${bases[who]}/api/v1/requests`, JSON.stringify(FILING), FILING_RATE, SECONDS);
      log(
        `filing at ${FILING_RATE} req/s for ${SECONDS} s · ${who}: p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms, max ${f(r.max, 1)} ms` +
          ` (${f(r.ok)} × 201 of ${f(r.sent)}${r.failed ? `, failed: ${r.failures}` : ''}); load average ${load()}`,
      );
    }
    const db = new Client({ connectionString: urlOf(DATABASES.ventanilla) });
    await db.connect();
    const counted = (await db.query(`SELECT (SELECT count(*) FROM requests) AS requests, (SELECT count(*) FROM cases) AS cases`)).rows[0];
    await db.end();
    log(`ventanilla database after the run: ${counted.requests} requests, ${counted.cases} cases`);
    log(`load average at end ${load()} (2 cores shared: absolute figures move, the ratios are the point)`);
  } finally {
    for (const s of servers) await s.stop();
    await redis.stop();
    for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
