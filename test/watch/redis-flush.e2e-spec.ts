import { PrivateRedis, startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { Housekeeping, WatchSchedules } from '@ventanilla/watch';
import Redis from 'ioredis';
import {
  watchQueue,
  eventTypes,
  eventually,
  fileRequest,
  mailQueueIdle,
  milestonesOf,
  outboxDrained,
  pause,
  setNow,
  setUipEmail,
  sweep,
} from './watch-helpers';

const SUBJECTS = ['MINFIN', 'MINECO', 'SEGEPLAN'];

describe('deadline watch after a Redis flush (e2e)', () => {
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    // Every milestone in Redis (the horizon past the afirmativa ficta): the flush has all of them to lose.
    env = await startTestEnvironment({ worker: true, env: { REDIS_URL: redis.url, WATCH_SCHEDULE_HORIZON_DAYS: '60' } });
  });
  afterAll(async () => {
    await env?.stop();
    await redis.stop();
  });

  it('the sweep makes every due milestone happen exactly once when Redis lost their jobs', async () => {
    const uips = await Promise.all(SUBJECTS.map((code) => setUipEmail(env, code)));
    const filed = await fileRequest(env, SUBJECTS);
    // Mail already relayed to the queue would be lost with it: let the filing's mail go out first.
    await env.smtp.waitFor(filed.email, 1);
    for (const uip of uips) await env.smtp.waitFor(uip, 1);
    await outboxDrained(env);
    const queue = watchQueue(env.worker!);
    const rows = (await Promise.all(filed.caseIds.map((id) => milestonesOf(env, id)))).flat();
    expect(rows).toHaveLength(15);
    const firstJob = `ms-${filed.caseId}-overdue-${rows.find((r) => r.kind === 'overdue')!.dueAt.getTime()}`;
    expect(await queue.getJob(firstJob)).toBeDefined();
    await eventually(async () => (await queue.getJobSchedulers()).length === 4, 10000, 'las programaciones del vigía');

    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    expect(await queue.getJob(firstJob)).toBeUndefined();
    expect(await queue.getJobSchedulers()).toHaveLength(0);

    // Downtime until after every afirmativa ficta date: the sweep alone catches up.
    const lastDue = Math.max(...rows.map((r) => r.dueAt.getTime()));
    setNow([env.worker], new Date(lastDue + 3600_000));
    await Promise.all([sweep(env.worker!), sweep(env.worker!)]);
    await sweep(env.worker!);

    for (const id of filed.caseIds) {
      expect(await eventTypes(env, id)).toEqual(['received', 'overdue', 'ficta_expired']);
      expect((await milestonesOf(env, id)).map((r) => [r.kind, r.outcome])).toEqual([
        ['reminder', 'skipped'],
        ['extension_window', 'skipped'],
        ['last_day', 'skipped'],
        ['overdue', 'fired'],
        ['ficta', 'fired'],
      ]);
    }
    // Each UIP: case received, overdue, ficta. The requester: filing, then overdue and ficta per case.
    for (const uip of uips) await env.smtp.waitFor(uip, 3);
    await env.smtp.waitFor(filed.email, 1 + 2 * SUBJECTS.length);
    await mailQueueIdle(env.worker!);
    await pause(500);
    for (const uip of uips) expect(env.smtp.to(uip)).toHaveLength(3);
    expect(env.smtp.to(filed.email)).toHaveLength(1 + 2 * SUBJECTS.length);

    // The worker puts back the schedulers the flush took.
    await env.worker!.get(WatchSchedules).ensure(true);
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['watch-pdh-digest', 'watch-subject-digest', 'watch-sweep', 'watch-top-up']);
  });

  it('prunes relayed outbox rows after a week and idempotency keys after their retention', async () => {
    const ids: { id: string }[] = await env.db.query(
      `INSERT INTO outbox (queue, job_name, payload, dispatched_at, created_at) VALUES
         ('deadlines', 'unschedule-milestones', '{"jobIds": []}', now() - interval '8 days', now() - interval '8 days'),
         ('deadlines', 'unschedule-milestones', '{"jobIds": []}', now() - interval '6 days', now() - interval '6 days')
       RETURNING id`,
    );
    await env.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at) VALUES
         ('filing', 'vieja', repeat('a', 64), 201, '{}', now() - interval '3 days'),
         ('filing', 'nueva', repeat('b', 64), 201, '{}', now())`,
    );
    // The worker's scheduled sweep prunes too and may get there first: the rows left are what counts.
    const pruned = await env.worker!.get(Housekeeping).prune();
    expect(pruned.outbox).toBeLessThanOrEqual(1);
    expect(pruned.idempotencyKeys).toBeLessThanOrEqual(1);
    const left: { id: string }[] = await env.db.query(`SELECT id FROM outbox WHERE id = ANY($1::bigint[])`, [ids.map((r) => r.id)]);
    expect(left.map((r) => r.id)).toEqual([ids[1].id]);
    const keys: { key: string }[] = await env.db.query(`SELECT key FROM idempotency_keys`);
    expect(keys.map((k) => k.key)).toEqual(['nueva']);
  });
});
