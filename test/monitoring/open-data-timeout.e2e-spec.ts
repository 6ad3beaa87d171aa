import { localDateOf } from '@ventanilla/calendar';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { Client } from 'pg';
import { eventually } from '../watch/watch-helpers';
import { placeCase } from './monitoring-factory';

// The short limit of each case below; lock waits are allowed far longer, so only a statement limit cuts.
const SHORT_MS = 500;
const LONG_MS = 900_000;

/**
 * An api with these statement limits, and a way to make a read's statement wait: `cases` held
 * locked while the request runs, until the statement waiting for it has waited three short
 * limits by the server's clock, or is gone (cut by its limit). Then the lock is released.
 */
function world(limits: { pool: number; openData: number }) {
  let env: TestEnvironment;
  let locker: Client;
  const today = localDateOf(new Date());
  const period = `from=${today.slice(0, 4)}-01-01&to=${today}`;

  beforeAll(async () => {
    env = await startTestEnvironment({
      env: { DB_STATEMENT_TIMEOUT_MS: String(limits.pool), OPEN_DATA_STATEMENT_TIMEOUT_MS: String(limits.openData), DB_LOCK_TIMEOUT_MS: String(LONG_MS) },
    });
    locker = new Client({ connectionString: env.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await env?.stop();
  });

  async function whileCasesLocked(path: string) {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE cases IN ACCESS EXCLUSIVE MODE');
    const [{ pid }] = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const waitedMs = async () =>
      (
        await locker.query<{ ms: number }>(
          `SELECT (extract(epoch FROM clock_timestamp() - query_start) * 1000)::int AS ms FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
          [pid],
        )
      ).rows[0]?.ms;
    let settled = false;
    const answer = Promise.resolve(env.http.get(path)).finally(() => (settled = true));
    let outlasted = false;
    try {
      await eventually(async () => settled || (await waitedMs()) !== undefined, 20000, 'la consulta esperando el bloqueo');
      await eventually(
        async () => {
          const ms = await waitedMs();
          outlasted = ms !== undefined && ms >= 3 * SHORT_MS;
          return ms === undefined || outlasted;
        },
        30000,
        'tres límites cortos de espera, o el corte',
      );
    } finally {
      await locker.query('COMMIT');
    }
    return { answer: await answer, outlasted };
  }

  return {
    env: () => env,
    stats: () => whileCasesLocked(`/api/v1/stats/subjects?${period}`),
    openData: () => whileCasesLocked(`/api/v1/open-data/cases?format=json&${period}`),
    placeToday: () => placeCase(env, 'MINFIN', { receivedOn: today, status: 'received' }),
  };
}

describe('open data runs under its own statement limit, OPEN_DATA_STATEMENT_TIMEOUT_MS, not the pool’s (e2e)', () => {
  describe('a short DB_STATEMENT_TIMEOUT_MS', () => {
    const w = world({ pool: SHORT_MS, openData: LONG_MS });

    it('cuts a statistics read that waits past it, but an export waiting as long and more completes with every row', async () => {
      const placed = await w.placeToday();
      // The premise: the pool's limit cuts any other read held as long (503, as for any statement timeout).
      const stats = await w.stats();
      expect(stats.outlasted).toBe(false);
      expect(stats.answer.status).toBe(503);
      expect(stats.answer.body.error).toBe('SERVICE_UNAVAILABLE');

      const exported = await w.openData();
      expect(exported.outlasted).toBe(true);
      expect(exported.answer.status).toBe(200);
      expect((JSON.parse(exported.answer.text) as { id: string }[]).map((r) => r.id)).toContain(placed.id);
    });
  });

  describe('a short OPEN_DATA_STATEMENT_TIMEOUT_MS', () => {
    const w = world({ pool: LONG_MS, openData: SHORT_MS });

    it('cuts the export by its own limit (503 before any row), while a statistics read waits as long and answers', async () => {
      await w.placeToday();
      const exported = await w.openData();
      expect(exported.outlasted).toBe(false);
      expect(exported.answer.status).toBe(503);
      expect(exported.answer.body.error).toBe('SERVICE_UNAVAILABLE');

      const stats = await w.stats();
      expect(stats.outlasted).toBe(true);
      expect(stats.answer.status).toBe(200);
    });
  });
});
