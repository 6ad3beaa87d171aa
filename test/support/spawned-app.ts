import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAINS = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' } as const;

/**
 * The api or the worker as its own process, from the sources (ts-node, types not checked), as
 * `npm start` runs the built one: for what only a real process shows (signals, exit, ports).
 */
export class SpawnedApp {
  readonly output: string[] = [];
  readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; at: number }>;

  constructor(app: keyof typeof MAINS, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', MAINS[app]], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => this.output.push(...chunk.split('\n').filter(Boolean)));
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve({ code, at: Date.now() })));
  }

  /** Resolves with the exit code and the instant; rejects past `timeoutMs`. */
  async exit(timeoutMs = 60_000): Promise<{ code: number | null; at: number }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`El proceso no terminó en ${timeoutMs} ms:\n${this.output.slice(-20).join('\n')}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits until `url` answers 200 (the process is up), or fails with its last output. */
  async ready(url: string, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) break;
      const ok = await fetch(url).then((r) => r.status === 200, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`El proceso no respondió en ${url}:\n${this.output.slice(-20).join('\n')}`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The environment a spawned process needs to run against a suite's world. */
export function processEnv(config: Record<string, unknown>, overrides: Record<string, string> = {}): Record<string, string> {
  const keys = ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SMTP_URL', 'JWT_SECRET', 'OUTBOX_POLL_MS', 'NODE_ENV'];
  // The suites' raised anonymous-write limits: a load test comes from one address.
  keys.push('FILING_ADDRESS_LIMIT', 'FILING_RECIPIENT_DAILY_LIMIT', 'ROUTING_ADDRESS_LIMIT', 'SEARCH_ADDRESS_LIMIT');
  const present = keys.filter((k) => config[k] !== undefined);
  return { ...Object.fromEntries(present.map((k) => [k, String(config[k])])), LOG_LEVEL: 'info', ...overrides };
}
