import { addDays, localDateOf } from '@ventanilla/calendar';
import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { createUser, tokenFor } from '../auth/auth-helpers';
import { eventTypes, eventually } from '../watch/watch-helpers';
import { PASSWORD, registrationBody, staffGet } from '../workflow/workflow-helpers';

const SUBJECT = 'MINECO';

/** A subject's Saturdays and closing time move the terms of its open cases, as a declared día inhábil does. */
describe('calendar settings move open cases (e2e)', () => {
  let env: TestEnvironment;
  let admin: string;
  let officer: string;

  const deadline = async (receivedAt: string) =>
    (await env.http.get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(receivedAt)}&subject=${SUBJECT}`).expect(200)).body as {
      receivedOn: string;
      dueDate: string;
    };
  const settings = (body: object) => env.http.patch(`/api/v1/calendar/subjects/${SUBJECT}`).set('Authorization', `Bearer ${admin}`).send(body);
  const caseView = async (caseId: string) => (await staffGet(env, officer, `/cases/${caseId}`).expect(200)).body;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const email = uniqueEmail('oficial.mineco');
    await createUser(env, admin, { email, password: PASSWORD, role: 'uip_officer', subjectCode: SUBJECT }).expect(201);
    officer = await tokenFor(env, email, PASSWORD);
  });
  afterAll(() => env?.stop());

  it('a changed closing time moves the reception day and due date of an open case; a closed case keeps its own', async () => {
    // A recent día hábil of MINECO's, at 15:30: received that day while the office closes at 16:00.
    let receivedAt = '';
    for (let back = 3; back < 20 && !receivedAt; back++) {
      const day = addDays(localDateOf(new Date()), -back);
      const candidate = `${day}T15:30:00-06:00`;
      if ((await deadline(candidate)).receivedOn === day) receivedAt = candidate;
    }
    expect(receivedAt).not.toBe('');
    const before = await deadline(receivedAt);
    const register = () =>
      env.http.post('/api/v1/cases').set('Authorization', `Bearer ${officer}`).send(registrationBody({ receivedAt, requester: { name: 'Juan Pérez', email: uniqueEmail('cierre') } })).expect(201);
    const open = (await register()).body.cases[0].id as string;
    const closed = (await register()).body.cases[0].id as string;
    await env.http.post(`/api/v1/cases/${closed}/resolution`).set('Authorization', `Bearer ${officer}`).send({ type: 'delivered', text: 'Se entrega la información.' }).expect(200);
    expect((await caseView(open)).dueDate).toBe(before.dueDate);

    await settings({ closingTime: '15:00' }).expect(200);
    const after = await deadline(receivedAt);
    expect(after.receivedOn > before.receivedOn).toBe(true);
    expect(after.dueDate > before.dueDate).toBe(true);
    const moved = await eventually(async () => {
      const view = await caseView(open);
      return view.dueDate === after.dueDate && view;
    }, 20000, 'el nuevo vencimiento del caso abierto');
    expect(moved.receivedOn).toBe(after.receivedOn);
    expect(await eventTypes(env, open)).toContain('terms_recomputed');
    const [event] = await env.db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'terms_recomputed'`, [open]);
    expect(event.data).toMatchObject({ calendarSettings: true, before: { dueDate: before.dueDate }, after: { dueDate: after.dueDate } });
    // The milestones follow the new term.
    const [overdue] = await env.db.query(
      `SELECT to_char(due_at AT TIME ZONE 'America/Guatemala', 'YYYY-MM-DD') AS day FROM case_milestones
       WHERE case_id = $1 AND kind = 'overdue' AND canceled_at IS NULL`,
      [open],
    );
    expect(overdue.day).toBe(addDays(after.dueDate, 1));
    expect((await caseView(closed)).dueDate).toBe(before.dueDate);

    // Saturdays count from now on: the term ends sooner. The same setting again moves nothing.
    await settings({ worksSaturdays: true }).expect(200);
    const saturdays = await deadline(receivedAt);
    expect(saturdays.dueDate < after.dueDate).toBe(true);
    await eventually(async () => (await caseView(open)).dueDate === saturdays.dueDate, 20000, 'el vencimiento con sábados');
    await settings({ worksSaturdays: true }).expect(200);
    const audit = await staffGet(env, admin, `/audit-events?action=calendar.subject_settings_updated&targetId=${SUBJECT}`).expect(200);
    expect(audit.body.total).toBe(2);
  });
});
