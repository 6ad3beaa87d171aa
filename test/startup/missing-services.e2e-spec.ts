import { requireServices } from '@ventanilla/health';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, TEST_SERVER_URL } from '../support';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = resolve(__dirname, '../..');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Runs an entry point from source as `npm start` runs it from the build, with only `env` set. */
function run(entry: string, env: Record<string, string>, args: string[] = []): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', entry, ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true', ...env }, timeout: 240_000 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

function expectOneLine(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.code).not.toBe(0);
  expect(outcome.code).not.toBeNull();
  const lines = outcome.stderr.split('\n').filter(Boolean);
  expect(lines).toEqual([expect.stringMatching(pattern)]);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stdout).toBe('');
}

describe('start-up without PostgreSQL or Redis', () => {
  let pgPort: number;
  let redisPort: number;
  beforeAll(async () => {
    pgPort = await freePort();
    redisPort = await freePort();
  });
  const deadPostgres = () => `postgres://postgres@127.0.0.1:${pgPort}/ventanilla`;
  const deadRedis = () => `redis://127.0.0.1:${redisPort}`;

  it('the api, the worker and npm start each say in one Spanish line what is missing, where, and the ways out', async () => {
    const [api, worker, start] = await Promise.all([
      run('apps/api/src/main.ts', { DATABASE_URL: deadPostgres(), REDIS_URL: redisUrl }),
      run('apps/worker/src/main.ts', { DATABASE_URL: TEST_SERVER_URL, REDIS_URL: deadRedis() }),
      // npm start's first step after the build: migrate, checking Redis for the api and worker that follow.
      run('apps/api/src/migrate.ts', { DATABASE_URL: TEST_SERVER_URL, REDIS_URL: deadRedis() }, ['--with-redis']),
    ]);
    const waysOut = 'inícielo, o levante todo con Docker: docker compose -f docker/compose.yml up --build$';
    expectOneLine(api, new RegExp(`^La API no pudo iniciar: PostgreSQL no responde en 127\\.0\\.0\\.1:${pgPort} \\(DATABASE_URL\\): ${waysOut}`));
    expectOneLine(worker, new RegExp(`^El worker no pudo iniciar: Redis no responde en 127\\.0\\.0\\.1:${redisPort} \\(REDIS_URL\\): ${waysOut}`));
    expectOneLine(start, new RegExp(`^Redis no responde en 127\\.0\\.0\\.1:${redisPort} \\(REDIS_URL\\): ${waysOut}`));
   }, 300_000); // three processes from source on a machine shared by several runs

  it('checks PostgreSQL before Redis, and never names credentials', async () => {
    const url = `postgres://ventanilla:s3cret@127.0.0.1:${pgPort}/ventanilla`;
    await expect(requireServices({ DATABASE_URL: url, REDIS_URL: deadRedis() })).rejects.toThrow(/^PostgreSQL no responde en 127\.0\.0\.1:\d+ /);
    await expect(requireServices({ DATABASE_URL: url, REDIS_URL: deadRedis() })).rejects.not.toThrow(/s3cret/);
  });

  it('says when PostgreSQL answers but the database is not there yet; the migrate step may create it', async () => {
    const missing = new URL(TEST_SERVER_URL);
    missing.pathname = '/ventanilla_never_created_i19';
    const config = { DATABASE_URL: missing.toString(), REDIS_URL: redisUrl };
    await expect(requireServices(config)).rejects.toThrow(/^La base de datos «ventanilla_never_created_i19» no existe .*npm run migrate/);
    await expect(requireServices(config, ['postgres', 'redis'], 'may-be-created')).resolves.toBeUndefined();
  });

  it('tells a server that refuses (an unknown user) from one that is not there', async () => {
    const refused = new URL(TEST_SERVER_URL);
    refused.username = 'i19_no_such_role';
    await expect(requireServices({ DATABASE_URL: refused.toString(), REDIS_URL: redisUrl })).rejects.toThrow(
      /^PostgreSQL en [\w.]+:\d+ rechazó la conexión \(.*i19_no_such_role.*\): revise DATABASE_URL\.$/,
    );
  });

  it('passes when both answer', async () => {
    await expect(requireServices({ DATABASE_URL: TEST_SERVER_URL, REDIS_URL: redisUrl })).resolves.toBeUndefined();
  });
});
