import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { MilestoneTopUp, SCHEDULED_UNTIL_KEY, WatchSchedules } from '@ventanilla/watch';
import { RedisClient } from '@ventanilla/queue';
import { createUser, tokenFor } from '../auth/auth-helpers';
import {
  watchQueue,
  eventTypes,
  eventually,
  fileRequest,
  mailQueueIdle,
  MilestoneRow,
  milestonesOf,
  outboxDrained,
  pause,
  restoreNow,
  setNow,
  setUipEmail,
  sweep,
} from './watch-helpers';

const DAY = 86_400_000;
const HORIZON = 3 * DAY; // WATCH_SCHEDULE_HORIZON_DAYS' default

describe('deadline watch: only milestones within the horizon in Redis (e2e)', () => {
  let env: TestEnvironment;
  let uip: string;
  let officer: string;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    uip = await setUipEmail(env, 'MINFIN');
    const admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const email = uniqueEmail('oficial');
    await createUser(env, admin, { email, password: 'contraseña-segura-1', role: 'uip_officer', subjectCode: 'MINFIN' }).expect(201);
    officer = await tokenFor(env, email, 'contraseña-segura-1');
  });
  // Each test moves time back to the present: it starts as after a flush, without the top-ups' mark.
  beforeEach(() => env.worker!.get(RedisClient).client.del(SCHEDULED_UNTIL_KEY));
  afterEach(() => restoreNow([env.api, env.worker]));
  afterAll(() => env?.stop());

  const jobOf = (caseId: string, r: MilestoneRow) => watchQueue(env.worker!).getJob(`ms-${caseId}-${r.kind}-${r.dueAt.getTime()}`);

  /**
   * Each pending milestone due after `from` has its delayed job when due by `until`, and none
   * past it (what is due by `from` is the sweep's).
   */
  async function expectScheduledUntil(caseId: string, until: number, from = 0): Promise<void> {
    for (const r of await milestonesOf(env, caseId)) {
      if (r.doneAt || r.canceledAt || r.dueAt.getTime() <= from) continue;
      const job = await jobOf(caseId, r);
      if (r.dueAt.getTime() <= until) {
        expect([r.kind, job?.data]).toEqual([r.kind, { caseId, kind: r.kind, dueAt: r.dueAt.toISOString() }]);
        expect(await job!.getState()).toBe('delayed');
      } else {
        expect([r.kind, job]).toEqual([r.kind, undefined]);
      }
    }
  }

  it('keeps a new case out of Redis; each night the top-up brings in what comes within 3 days, and each milestone fires once', async () => {
    const filed = await fileRequest(env);
    const uipMailsOf = () => env.smtp.to(uip).filter((m) => m.text?.includes(filed.folio));
    await env.smtp.waitFor(filed.email, 1);
    await outboxDrained(env);
    const rows = await milestonesOf(env, filed.caseId);
    expect(rows.map((r) => r.kind)).toEqual(['reminder', 'extension_window', 'last_day', 'overdue', 'ficta']);
    // Ten días hábiles ahead, the first reminder is more than 3 days away: every row, no job.
    expect(rows.every((r) => r.dueAt.getTime() > Date.now() + HORIZON)).toBe(true);
    await expectScheduledUntil(filed.caseId, Date.now() + HORIZON);
    for (const r of rows) expect(await jobOf(filed.caseId, r)).toBeUndefined();

    const topUp = env.worker!.get(MilestoneTopUp);
    for (const [i, row] of rows.entries()) {
      // The night before it falls due, the top-up schedules it, and only what is due within 3 days of then.
      const night = new Date(row.dueAt.getTime() - DAY);
      setNow([env.worker], night);
      const result = await topUp.run();
      expect(result.until).toBe(new Date(night.getTime() + HORIZON).toISOString());
      await expectScheduledUntil(filed.caseId, night.getTime() + HORIZON);

      // It falls due and its own job runs it (promoted: its real delay is days).
      setNow([env.worker], new Date(row.dueAt.getTime() + 1000));
      await (await jobOf(filed.caseId, row))!.promote();
      await eventually(async () => (await milestonesOf(env, filed.caseId))[i].outcome === 'fired', 20000, `el hito ${row.kind}`);
      expect((await milestonesOf(env, filed.caseId)).map((r) => r.outcome)).toEqual(rows.map((_, j) => (j <= i ? 'fired' : null)));
      // The sweep, the safety net, finds nothing left.
      expect((await sweep(env.worker!)).fired).toBe(0);
      await eventually(async () => uipMailsOf().length === i + 2, 20000, `el aviso ${row.kind} a la UIP`);
    }
    expect(await eventTypes(env, filed.caseId)).toEqual(['received', 'overdue', 'ficta_expired']);

    // Nothing twice: a top-up run again and a last sweep add no effect and no mail.
    await topUp.run();
    expect((await sweep(env.worker!)).fired).toBe(0);
    await mailQueueIdle(env.worker!);
    await pause(500);
    expect(uipMailsOf()).toHaveLength(6);
    expect(env.smtp.to(filed.email)).toHaveLength(3);
  });

  it('a change schedules its milestones within reach at once and takes out the jobs it moves away', async () => {
    const filed = await fileRequest(env);
    await outboxDrained(env);
    const before = await milestonesOf(env, filed.caseId);
    const byKind = (rows: MilestoneRow[], kind: string) => rows.find((r) => r.kind === kind)!;
    const lastDay = byKind(before, 'last_day');

    // Two days before the term's last day, its jobs are in Redis (the night's top-up)...
    const now = new Date(lastDay.dueAt.getTime() - 2 * DAY);
    setNow([env.api, env.worker], now);
    await env.worker!.get(MilestoneTopUp).run();
    await expectScheduledUntil(filed.caseId, now.getTime() + HORIZON, now.getTime());
    expect(await jobOf(filed.caseId, lastDay)).toBeDefined();

    // ...then the UIP extends the term by ten días hábiles: the old jobs leave Redis and the new
    // term's milestones, all beyond the horizon, wait in PostgreSQL.
    await env.http
      .post(`/api/v1/cases/${filed.caseId}/extension`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'La información solicitada es voluminosa y está en varios archivos.' })
      .expect(200);
    await outboxDrained(env);
    for (const r of before.filter((r) => r.dueAt.getTime() <= now.getTime() + HORIZON)) {
      await eventually(async () => (await jobOf(filed.caseId, r)) === undefined, 10000, `quitar ${r.kind}`);
    }
    const after = await milestonesOf(env, filed.caseId);
    expect(byKind(after, 'last_day').dueAt.getTime()).toBeGreaterThan(now.getTime() + HORIZON);
    await expectScheduledUntil(filed.caseId, now.getTime() + HORIZON, now.getTime());

    // A resolution then cancels every row; nothing of the case is left in Redis.
    await env.http
      .post(`/api/v1/cases/${filed.caseId}/resolution`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ type: 'delivered', text: 'Se adjunta la información solicitada en formato electrónico.' })
      .expect(200);
    await outboxDrained(env);
    for (const r of [...before, ...after]) expect(await jobOf(filed.caseId, r)).toBeUndefined();
    expect((await milestonesOf(env, filed.caseId)).every((r) => r.canceledAt !== null || r.doneAt !== null)).toBe(true);
  });

  it('after Redis lost the top-ups\' mark (a flush), the next top-up walks the whole horizon again', async () => {
    const filed = await fileRequest(env);
    await outboxDrained(env);
    const rows = await milestonesOf(env, filed.caseId);
    const night = new Date(rows[0].dueAt.getTime() - DAY);
    setNow([env.worker], night);
    const topUp = env.worker!.get(MilestoneTopUp);
    await topUp.run();
    // The same night again: the window starts where the last one ended, nothing to walk.
    const again = await topUp.run();
    expect(again.scheduled).toBe(0);
    expect(again.from).toBe(again.until);

    // The mark and the jobs go (as in a flush): the whole horizon from now is walked again.
    await env.worker!.get(RedisClient).client.del(SCHEDULED_UNTIL_KEY);
    await (await jobOf(filed.caseId, rows[0]))!.remove();
    const walked = await topUp.run();
    expect(walked.from).toBe(night.toISOString());
    expect(walked.scheduled).toBeGreaterThanOrEqual(1);
    await expectScheduledUntil(filed.caseId, night.getTime() + HORIZON);
  });

  it('when the worker finds its schedulers gone (a flush), it tops up at once instead of waiting for the night', async () => {
    const filed = await fileRequest(env);
    await outboxDrained(env);
    const rows = await milestonesOf(env, filed.caseId);
    const night = new Date(rows[0].dueAt.getTime() - DAY);
    setNow([env.worker], night);
    const queue = watchQueue(env.worker!);
    // What a flush takes: the top-up's scheduler, its mark and the milestone jobs (here: none yet for this case).
    expect(await queue.removeJobScheduler('watch-top-up')).toBe(true);
    for (const r of rows) expect(await jobOf(filed.caseId, r)).toBeUndefined();

    await env.worker!.get(WatchSchedules).ensure(true);
    expect(await queue.getJobScheduler('watch-top-up')).toBeDefined();
    // The worker itself runs the top-up it added: the reminder, due tomorrow, is back in Redis.
    await eventually(async () => (await jobOf(filed.caseId, rows[0]))?.getState().then((state) => state === 'delayed'), 20000, 'el recordatorio en Redis');
    await expectScheduledUntil(filed.caseId, night.getTime() + HORIZON);
  });
});
