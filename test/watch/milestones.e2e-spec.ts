import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { MilestoneEffects } from '@ventanilla/watch';
import { createUser, tokenFor } from '../auth/auth-helpers';
import {
  watchQueue,
  eventTypes,
  eventually,
  fileRequest,
  mailQueueIdle,
  milestonesOf,
  oneMailEach,
  outboxDrained,
  pause,
  restoreNow,
  setNow,
  setUipEmail,
  sweep,
} from './watch-helpers';

const KINDS_IN_ORDER = ['reminder', 'extension_window', 'last_day', 'overdue', 'ficta'];

describe('deadline watch: milestones (e2e)', () => {
  let env: TestEnvironment;
  let uip: string;
  let officer: string;

  beforeAll(async () => {
    // Every milestone of a case in Redis at once (the horizon past the afirmativa ficta), so the
    // delayed jobs can be checked against the rows; the horizon's own rule is schedule-horizon.e2e-spec.
    env = await startTestEnvironment({ worker: true, env: { WATCH_SCHEDULE_HORIZON_DAYS: '60' } });
    uip = await setUipEmail(env, 'MINFIN');
    const admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const email = uniqueEmail('oficial');
    await createUser(env, admin, { email, password: 'contraseña-segura-1', role: 'uip_officer', subjectCode: 'MINFIN' }).expect(201);
    officer = await tokenFor(env, email, 'contraseña-segura-1');
  });
  afterEach(() => restoreNow([env.api, env.worker]));
  afterAll(() => env?.stop());

  it('plans every milestone of a new case and schedules each as a delayed job', async () => {
    const filed = await fileRequest(env);
    const rows = await milestonesOf(env, filed.caseId);
    expect(rows.map((r) => r.kind)).toEqual(KINDS_IN_ORDER);
    expect(rows.every((r) => r.doneAt === null && r.canceledAt === null)).toBe(true);
    await outboxDrained(env);
    const queue = watchQueue(env.worker!);
    for (const r of rows) {
      const job = await queue.getJob(`ms-${filed.caseId}-${r.kind}-${r.dueAt.getTime()}`);
      expect(job?.data).toEqual({ caseId: filed.caseId, kind: r.kind, dueAt: r.dueAt.toISOString() });
      expect(await job?.getState()).toBe('delayed');
    }
  });

  it('fires the milestones in order as time passes, each once', async () => {
    const filed = await fileRequest(env);
    // Other cases of this suite share the UIP: count only this case's mails.
    const uipMailsOf = () => env.smtp.to(uip).filter((m) => m.text?.includes(filed.folio));
    await env.smtp.waitFor(filed.email, 1);
    await eventually(async () => uipMailsOf().length === 1, 20000, 'el aviso de caso recibido');
    const rows = await milestonesOf(env, filed.caseId);

    for (const [i, row] of rows.entries()) {
      setNow([env.worker], new Date(row.dueAt.getTime() + 1000));
      expect((await sweep(env.worker!)).fired).toBeGreaterThanOrEqual(1);
      const now = await milestonesOf(env, filed.caseId);
      expect(now.map((r) => r.outcome)).toEqual(rows.map((_, j) => (j <= i ? 'fired' : null)));
      // Each milestone tells the UIP; wait for that mail before the next one, so mails sent by
      // concurrent queue workers still arrive in the order the milestones fired.
      await eventually(async () => uipMailsOf().length === i + 2, 20000, `el aviso ${row.kind} a la UIP`);
    }
    expect(await eventTypes(env, filed.caseId)).toEqual(['received', 'overdue', 'ficta_expired']);

    // UIP: reminder, extension window, last day, overdue, ficta. Requester: filing, overdue, ficta.
    const uipMails = await eventually(async () => uipMailsOf().length >= 6 && uipMailsOf(), 20000, 'los avisos a la UIP');
    const requesterMails = await env.smtp.waitFor(filed.email, 3);
    expect(uipMails.slice(1).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Recordatorio: la solicitud .* vence el/),
      expect.stringMatching(/últimos días para notificar una prórroga/),
      expect.stringMatching(/^Recordatorio/),
      expect.stringMatching(/vencida sin respuesta/),
      expect.stringMatching(/afirmativa ficta/),
    ]);
    expect(uipMails[1].text).toContain('quedan 3 día(s) hábil(es)');
    expect(uipMails[3].text).toContain('es el último día hábil del plazo');
    // The requester's mails are not waited for one by one: any order.
    const [, requesterOverdue] = oneMailEach(requesterMails, [/recibida$/, /no respondió a tiempo$/, /afirmativa ficta$/]);
    expect(requesterOverdue.text).toContain('afirmativa ficta');

    // Nothing more: a second sweep, and the delayed jobs themselves, find the rows done.
    await sweep(env.worker!);
    const effects = env.worker!.get(MilestoneEffects);
    for (const r of rows) {
      expect(await effects.fireJob({ caseId: filed.caseId, kind: r.kind as 'overdue', dueAt: r.dueAt.toISOString() })).toEqual({ stale: true });
    }
    await mailQueueIdle(env.worker!);
    await pause(500);
    expect(uipMailsOf()).toHaveLength(6);
    expect(env.smtp.to(filed.email)).toHaveLength(3);
  });

  it('skips reminders that come too late (after downtime) but records them', async () => {
    const filed = await fileRequest(env);
    const rows = await milestonesOf(env, filed.caseId);
    const overdue = rows.find((r) => r.kind === 'overdue')!;
    setNow([env.worker], new Date(overdue.dueAt.getTime() + 60_000));
    await sweep(env.worker!);
    const after = await milestonesOf(env, filed.caseId);
    expect(after.map((r) => [r.kind, r.outcome])).toEqual([
      ['reminder', 'skipped'],
      ['extension_window', 'skipped'],
      ['last_day', 'skipped'],
      ['overdue', 'fired'],
      ['ficta', null],
    ]);
    expect(await eventTypes(env, filed.caseId)).toEqual(['received', 'overdue']);
  });

  it('fires through the delayed jobs themselves: a case registered weeks late is overdue at once', async () => {
    const email = uniqueEmail('tarde');
    const receivedAt = new Date(Date.now() - 45 * 86_400_000).toISOString();
    const { subjects: _s, ...content } = filingBody({ requester: { name: 'Juan Pérez', email } });
    const res = await env.http
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .send({ ...content, channel: 'in_person', receivedAt })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    await eventually(async () => (await eventTypes(env, caseId)).includes('ficta_expired'), 20000, 'el hito de afirmativa ficta');
    expect(await eventTypes(env, caseId)).toEqual(['received', 'overdue', 'ficta_expired']);
    // Overdue and ficta fire together, so their mails leave the queue together: any order.
    const mails = await env.smtp.waitFor(email, 3);
    oneMailEach(mails, [/recibida$/, /no respondió a tiempo$/, /afirmativa ficta$/]);
    const view = await env.http.get(`/api/v1/requests/${res.body.folio}`).expect(200);
    expect(view.body.cases[0].overdue).toBe(true);
    expect(view.body.cases[0].events.map((e: { type: string }) => e.type)).toEqual(['received', 'overdue', 'ficta_expired']);
  });

  it('reschedules on an extension and cancels everything on a resolution', async () => {
    const filed = await fileRequest(env);
    const before = await milestonesOf(env, filed.caseId);
    await outboxDrained(env);
    const queue = watchQueue(env.worker!);
    const jobId = (caseId: string, r: { kind: string; dueAt: Date }) => `ms-${caseId}-${r.kind}-${r.dueAt.getTime()}`;

    const extended = await env.http
      .post(`/api/v1/cases/${filed.caseId}/extension`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'La información solicitada es voluminosa y está en varios archivos.' })
      .expect(200);
    const after = await milestonesOf(env, filed.caseId);
    const byKind = (rows: typeof before, kind: string) => rows.find((r) => r.kind === kind)!;
    // The end of term moved to the end of the extended due date; Art. 43's window is gone.
    const extendedEnd = new Date(`${extended.body.extendedDueDate}T00:00:00-06:00`).getTime() + 86_400_000;
    expect(byKind(after, 'overdue').dueAt.getTime()).toBe(extendedEnd);
    expect(byKind(after, 'overdue').dueAt.getTime()).toBeGreaterThan(byKind(before, 'overdue').dueAt.getTime());
    expect(byKind(after, 'extension_window').canceledAt).not.toBeNull();
    for (const kind of ['reminder', 'last_day', 'overdue', 'ficta']) expect(byKind(after, kind).canceledAt).toBeNull();

    // Old jobs leave Redis, the new ones are there.
    await outboxDrained(env);
    for (const r of before) await eventually(async () => (await queue.getJob(jobId(filed.caseId, r))) === undefined, 10000, `quitar ${r.kind}`);
    for (const r of after.filter((r) => !r.canceledAt)) {
      await eventually(async () => (await queue.getJob(jobId(filed.caseId, r)))?.getState().then((s) => s === 'delayed'), 10000, `programar ${r.kind}`);
    }
    // A stale job that escaped removal does nothing.
    const effects = env.worker!.get(MilestoneEffects);
    const oldOverdue = byKind(before, 'overdue');
    setNow([env.worker], new Date(oldOverdue.dueAt.getTime() + 1000));
    expect(await effects.fireJob({ caseId: filed.caseId, kind: 'overdue', dueAt: oldOverdue.dueAt.toISOString() })).toEqual({ stale: true });
    restoreNow([env.worker]);

    await env.http
      .post(`/api/v1/cases/${filed.caseId}/resolution`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ type: 'delivered', text: 'Se adjunta la información solicitada en formato electrónico.' })
      .expect(200);
    const closed = await milestonesOf(env, filed.caseId);
    expect(closed.every((r) => r.canceledAt !== null && r.doneAt === null)).toBe(true);
    await outboxDrained(env);
    for (const r of after) await eventually(async () => (await queue.getJob(jobId(filed.caseId, r))) === undefined, 10000, `quitar ${r.kind}`);

    // Far past every date, nothing fires for a resolved case.
    setNow([env.worker], new Date(Date.now() + 120 * 86_400_000));
    await sweep(env.worker!);
    expect(await eventTypes(env, filed.caseId)).toEqual(['received', 'extended', 'resolved']);
  });
});
