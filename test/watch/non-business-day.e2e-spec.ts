import { CalendarService, endOfLocalDay, LocalDate } from '@ventanilla/calendar';
import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { TermsRecompute } from '@ventanilla/watch';
import { createUser, tokenFor } from '../auth/auth-helpers';
import { watchQueue, eventually, fileRequest, milestonesOf, outboxDrained } from './watch-helpers';

interface Terms {
  status: string;
  receivedOn: string;
  dueDate: string;
  extendedDueDate: string | null;
  fictaDueDate: string;
}

describe('deadline watch: a declared día inhábil moves open terms (e2e)', () => {
  let env: TestEnvironment;
  let admin: string;
  let officer: string;

  const termsOf = async (id: string): Promise<Terms> => {
    const [row] = await env.db.query(
      `SELECT status, to_char(received_on, 'YYYY-MM-DD') AS "receivedOn", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
              to_char(extended_due_date, 'YYYY-MM-DD') AS "extendedDueDate", to_char(ficta_due_date, 'YYYY-MM-DD') AS "fictaDueDate"
       FROM cases WHERE id = $1`,
      [id],
    );
    return row as Terms;
  };
  const recomputations = async (id: string) =>
    (await env.db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'terms_recomputed' ORDER BY id`, [id])).map(
      (r: { data: Record<string, unknown> }) => r.data,
    );
  const declare = (body: object) =>
    env.http.post('/api/v1/calendar/non-business-days').set('Authorization', `Bearer ${admin}`).send(body).expect(201);
  /** The terms a case received that day gets on the current calendar. */
  const expected = async (code: string, receivedOn: LocalDate, extended: boolean) => {
    const calendar = env.api.get(CalendarService);
    const [subject] = await env.db.query(`SELECT code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime" FROM subjects WHERE code = $1`, [code]);
    const { clock } = await calendar.current();
    const s = calendar.subjectCalendar(subject);
    const dueDate = clock.dueDate(receivedOn, s);
    const extendedDueDate = extended ? clock.extendedDueDate(dueDate, s) : null;
    return { dueDate, extendedDueDate, fictaDueDate: clock.fictaDueDate(extendedDueDate ?? dueDate, s) };
  };
  const nextBusinessDay = async (code: string, after: LocalDate) => {
    const calendar = env.api.get(CalendarService);
    const [subject] = await env.db.query(`SELECT code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime" FROM subjects WHERE code = $1`, [code]);
    return (await calendar.current()).calendar.nextBusinessDay(after, calendar.subjectCalendar(subject));
  };

  beforeAll(async () => {
    // Every milestone in Redis (the horizon past the afirmativa ficta), so a moved one's job can be followed.
    env = await startTestEnvironment({ worker: true, env: { WATCH_SCHEDULE_HORIZON_DAYS: '60' } });
    admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const email = uniqueEmail('oficial');
    await createUser(env, admin, { email, password: 'contraseña-segura-1', role: 'uip_officer', subjectCode: 'MINFIN' }).expect(201);
    officer = await tokenFor(env, email, 'contraseña-segura-1');
  });
  afterAll(() => env?.stop());

  it('recomputes open cases (extended too) with an event, reschedules them, and leaves closed ones alone', async () => {
    const open = await fileRequest(env, ['MINFIN', 'MUNI-0407']);
    const [minfin, muni] = open.caseIds;
    const extended = (await fileRequest(env, ['MINFIN'])).caseId;
    await env.http
      .post(`/api/v1/cases/${extended}/extension`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'La información solicitada es voluminosa y está en varios archivos.' })
      .expect(200);
    const closed = await fileRequest(env, ['MINFIN']);
    await env.http
      .post(`/api/v1/requests/${closed.folio}/cases/${closed.caseId}/withdrawal`)
      .set('X-Access-Code', closed.accessCode)
      .send({})
      .expect(200);
    await outboxDrained(env);

    const before = { minfin: await termsOf(minfin), muni: await termsOf(muni), extended: await termsOf(extended), closed: await termsOf(closed.caseId) };
    const oldOverdue = (await milestonesOf(env, minfin)).find((r) => r.kind === 'overdue')!;

    // Day 1 of the term becomes inhábil for everyone.
    const day = await nextBusinessDay('MINFIN', before.minfin.receivedOn);
    await declare({ date: day, name: 'Asueto por Acuerdo Gubernativo de prueba' });
    await eventually(async () => (await termsOf(minfin)).dueDate !== before.minfin.dueDate, 20000, 'el recálculo de MINFIN');

    const want = await expected('MINFIN', before.minfin.receivedOn, false);
    expect(await termsOf(minfin)).toEqual({ ...before.minfin, ...want });
    expect(want.dueDate > before.minfin.dueDate).toBe(true);
    await eventually(async () => (await termsOf(muni)).dueDate !== before.muni.dueDate, 20000, 'el recálculo de MUNI-0407');
    expect(await termsOf(muni)).toEqual({ ...before.muni, ...(await expected('MUNI-0407', before.muni.receivedOn, false)) });
    await eventually(async () => (await termsOf(extended)).extendedDueDate !== before.extended.extendedDueDate, 20000, 'el recálculo del prorrogado');
    expect(await termsOf(extended)).toEqual({ ...before.extended, ...(await expected('MINFIN', before.extended.receivedOn, true)) });
    expect(await termsOf(closed.caseId)).toEqual(before.closed);
    expect(await recomputations(closed.caseId)).toEqual([]);

    const [event] = await recomputations(minfin);
    expect(event).toEqual({
      nonBusinessDay: day,
      subjectCode: null,
      before: { dueDate: before.minfin.dueDate, extendedDueDate: null, fictaDueDate: before.minfin.fictaDueDate, appealDueDate: null },
      after: { dueDate: want.dueDate, extendedDueDate: null, fictaDueDate: want.fictaDueDate, appealDueDate: null },
    });

    // The end of term moved with the due date, in PostgreSQL and in Redis.
    const overdue = (await milestonesOf(env, minfin)).find((r) => r.kind === 'overdue')!;
    expect(overdue.dueAt.getTime()).toBe(endOfLocalDay(want.dueDate).getTime());
    await outboxDrained(env);
    const queue = watchQueue(env.worker!);
    await eventually(async () => (await queue.getJob(`ms-${minfin}-overdue-${oldOverdue.dueAt.getTime()}`)) === undefined, 10000, 'quitar el trabajo viejo');
    expect(await queue.getJob(`ms-${minfin}-overdue-${overdue.dueAt.getTime()}`)).toBeDefined();
    const closedMilestones = await milestonesOf(env, closed.caseId);
    expect(closedMilestones.every((r) => r.canceledAt !== null)).toBe(true);

    // Running the same recomputation again changes nothing.
    expect(await env.worker!.get(TermsRecompute).run({ date: day, subjectCode: null })).toMatchObject({ changed: 0 });
    expect(await recomputations(minfin)).toHaveLength(1);
  });

  it('a declared day removed through the API (DELETE) moves the terms back, with an event', async () => {
    const filed = await fileRequest(env, ['MINFIN']);
    const before = await termsOf(filed.caseId);
    // The term's first día hábil: tomorrow at the earliest, so it may still be removed.
    const day = await nextBusinessDay('MINFIN', before.receivedOn);
    await declare({ date: day, name: 'Asueto declarado por error' });
    await eventually(async () => (await termsOf(filed.caseId)).dueDate !== before.dueDate, 20000, 'el recálculo al declararlo');
    const moved = await termsOf(filed.caseId);

    await env.http.delete(`/api/v1/calendar/non-business-days/${day}`).set('Authorization', `Bearer ${admin}`).expect(204);
    await eventually(async () => (await termsOf(filed.caseId)).dueDate === before.dueDate, 20000, 'el recálculo al quitarlo');
    expect(await termsOf(filed.caseId)).toEqual(before);
    const events = await recomputations(filed.caseId);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      nonBusinessDay: day,
      subjectCode: null,
      before: { dueDate: moved.dueDate, fictaDueDate: moved.fictaDueDate },
      after: { dueDate: before.dueDate, fictaDueDate: before.fictaDueDate },
    });
  });

  it("a body's own closure moves only that body's cases", async () => {
    const filed = await fileRequest(env, ['MINFIN', 'MUNI-0407']);
    const [minfin, muni] = filed.caseIds;
    const before = { minfin: await termsOf(minfin), muni: await termsOf(muni) };
    const day = await nextBusinessDay('MUNI-0407', before.muni.receivedOn);
    await declare({ date: day, name: 'Cierre de la oficina municipal', subjectCode: 'MUNI-0407' });
    await eventually(async () => (await termsOf(muni)).dueDate !== before.muni.dueDate, 20000, 'el recálculo de MUNI-0407');
    expect(await termsOf(muni)).toEqual({ ...before.muni, ...(await expected('MUNI-0407', before.muni.receivedOn, false)) });
    expect(await termsOf(minfin)).toEqual(before.minfin);
    expect(await recomputations(minfin)).toEqual([]);
    expect(await recomputations(muni)).toHaveLength(1);
  });
});
