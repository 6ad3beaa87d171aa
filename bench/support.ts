// What the HTTP benches share: the scratch databases' server, a spawned server process, and wrk.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';

export const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const execFileAsync = promisify(execFile);

export function urlOf(name: string): string {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A server process whose last output lines are kept to explain a failure. */
export class Server {
  readonly output: string[] = [];
  readonly child: ChildProcess;

  constructor(readonly name: string, args: string[], cwd: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.output.push(...chunk.split('\n').filter(Boolean));
        if (this.output.length > 200) this.output.splice(0, this.output.length - 50);
      });
    }
  }

  async ready(url: string, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.child.exitCode === null) {
      if (await fetch(url).then((r) => r.status < 500, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} no respondió en ${url}:\n${this.output.slice(-20).join('\n')}`);
  }

  /** SIGTERM first (a --cpu-prof profile is written on a clean exit), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}


export interface Latencies {
  rps: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

// wrk's done() hook prints one JSON line with the figures (latency in microseconds).
export const WRK_PERCENTILES_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"status":%d,"socket":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`;

/** Runs wrk (asynchronously: the spawned servers' output keeps being read) with a script ending in WRK_PERCENTILES_LUA. */
export async function wrkLatencies(script: string, url: string, connections: number, seconds: number): Promise<Latencies> {
  const { stdout } = await execFileAsync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk no dio cifras:\n${stdout}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length));
  return {
    rps: r.requests / (r.duration_us / 1e6),
    requests: r.requests,
    non2xx: r.status,
    socketErrors: r.socket,
    p50Ms: r.p50_us / 1000,
    p95Ms: r.p95_us / 1000,
    p99Ms: r.p99_us / 1000,
  };
}
