import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@ventanilla/queue';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { Job, Queue } from 'bullmq';
import { watchQueue, eventually } from './watch-helpers';

/** Housekeeping is a scheduled job of its own, on its own queue, not a side effect of the watch's sweep. */
describe('housekeeping, its own scheduled job (e2e)', () => {
  let env: TestEnvironment;
  let housekeeping: Queue;

  beforeAll(async () => {
    // An hour apart: the run at start is the only one the suite sees besides its own.
    env = await startTestEnvironment({ worker: true, env: { HOUSEKEEPING_EVERY_MS: '3600000' } });
    housekeeping = env.worker!.get<Queue>(getQueueToken(QUEUES.housekeeping.name), { strict: false });
  });
  afterAll(() => env?.stop());

  const finished = (queue: Queue, job: Job) =>
    eventually(async () => {
      const state = await queue.getJob(job.id!).then((j) => j?.getState());
      return state === 'completed' || state === 'failed' ? state : undefined;
    }, 20000, `el trabajo ${job.name}`);

  it('is scheduled at worker start on the housekeeping queue, and the sweep job no longer prunes', async () => {
    const schedulers = await eventually(async () => {
      const list = await housekeeping.getJobSchedulers();
      return list.length === 1 && list;
    }, 10000, 'la programación de la limpieza');
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['housekeeping-prune', 3600000]]);
    // Its first run (at start) is over before the old row exists.
    await eventually(async () => (await housekeeping.getJobCounts('completed')).completed >= 1, 20000, 'la primera limpieza');

    const [{ id }] = await env.db.query(
      `INSERT INTO outbox (queue, job_name, payload, dispatched_at, created_at)
       VALUES ('deadlines', 'unschedule-milestones', '{"jobIds": []}', now() - interval '8 days', now() - interval '8 days') RETURNING id`,
    );
    const left = async () => (await env.db.query(`SELECT 1 FROM outbox WHERE id = $1`, [id])).length;

    const deadlines = watchQueue(env.worker!);
    expect(await finished(deadlines, await deadlines.add(QUEUES.watch.jobs.sweep, {}))).toBe('completed');
    expect(await left()).toBe(1);

    const prune = await housekeeping.add(QUEUES.housekeeping.jobs.prune, {});
    expect(await finished(housekeeping, prune)).toBe('completed');
    expect(await left()).toBe(0);
    expect((await housekeeping.getJob(prune.id!))!.returnvalue).toMatchObject({ outbox: 1 });
  });
});
