import { INestApplicationContext } from '@nestjs/common';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { MilestoneEffects } from '@ventanilla/watch';
import {
  watchQueue,
  eventTypes,
  fileRequest,
  mailQueueIdle,
  milestonesOf,
  outboxDrained,
  pause,
  setNow,
  setUipEmail,
  sweep,
} from './watch-helpers';

describe('deadline watch with two workers (e2e)', () => {
  let env: TestEnvironment;
  let second: INestApplicationContext;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    second = await env.startWorker();
  });
  afterAll(() => env?.stop());

  it('sends each mail once and records each effect once while both race for the same milestones', async () => {
    const uipA = await setUipEmail(env, 'MINFIN');
    const uipB = await setUipEmail(env, 'MINECO');
    const requests = [await fileRequest(env, ['MINFIN', 'MINECO']), await fileRequest(env, ['MINFIN', 'MINECO'])];
    for (const r of requests) await env.smtp.waitFor(r.email, 1);
    await env.smtp.waitFor(uipA, 2);
    await env.smtp.waitFor(uipB, 2);
    await outboxDrained(env);

    const caseIds = requests.flatMap((r) => r.caseIds);
    const rows = (await Promise.all(caseIds.map(async (id) => (await milestonesOf(env, id)).map((r) => ({ ...r, caseId: id }))))).flat();
    const after = new Date(Math.max(...rows.map((r) => r.dueAt.getTime())) + 60_000);
    setNow([env.worker, second], after);

    // Both workers' sweeps, both workers' job handlers, and duplicated BullMQ jobs, all at once.
    const queue = watchQueue(env.worker!);
    const due = rows.filter((r) => r.kind === 'overdue' || r.kind === 'ficta');
    await queue.addBulk(
      due.flatMap((r) =>
        [1, 2].map((copy) => ({
          name: 'milestone',
          data: { caseId: r.caseId, kind: r.kind, dueAt: r.dueAt.toISOString() },
          opts: { jobId: `copia${copy}-${r.caseId}-${r.kind}` },
        })),
      ),
    );
    const fire = (w: INestApplicationContext) =>
      due.map((r) => w.get(MilestoneEffects).fireJob({ caseId: r.caseId, kind: r.kind as 'overdue', dueAt: r.dueAt.toISOString() }));
    await Promise.all([sweep(env.worker!), sweep(second), ...fire(env.worker!), ...fire(second)]);

    for (const id of caseIds) expect(await eventTypes(env, id)).toEqual(['received', 'overdue', 'ficta_expired']);
    const [{ n: done }] = await env.db.query(`SELECT count(*)::int AS n FROM case_milestones WHERE case_id = ANY($1) AND done_at IS NOT NULL`, [caseIds]);
    expect(done).toBe(rows.length);

    // Each UIP: 2 received + 2 cases × (overdue, ficta). Each requester: filing + 2 cases × 2.
    await env.smtp.waitFor(uipA, 6);
    await env.smtp.waitFor(uipB, 6);
    for (const r of requests) await env.smtp.waitFor(r.email, 5);
    await mailQueueIdle(env.worker!);
    await pause(1000);
    expect(env.smtp.to(uipA)).toHaveLength(6);
    expect(env.smtp.to(uipB)).toHaveLength(6);
    for (const r of requests) expect(env.smtp.to(r.email)).toHaveLength(5);
  });
});
