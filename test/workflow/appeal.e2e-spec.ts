import { CalendarService, localDateOf } from '@ventanilla/calendar';
import { Clock } from '@ventanilla/config';
import { Subject } from '@ventanilla/subjects';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import {
  APPEAL, caseState, createStaff, DECISION, fileAppeal, fileWeb, Filed, mailTo, OWN, registerOld, RESOLUTION, staffPost, StaffTokens,
} from './workflow-helpers';

const MINFIN_UIP = 'uip@minfin.gob.gt';

describe('the recurso de revisión: filed by the requester, decided by the highest authority (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    await env.db.query(`UPDATE subjects SET uip_email = $1 WHERE code = $2`, [MINFIN_UIP, OWN]);
    tokens = await createStaff(env);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => env?.stop());

  const resolve = (filed: Filed) => staffPost(env, tokens.officer, `/cases/${filed.caseId}/resolution`, RESOLUTION).expect(200);
  const decide = (filed: Filed, token = tokens.authority, body: unknown = DECISION) => staffPost(env, token, `/cases/${filed.caseId}/appeal/decision`, body);
  /** The law's dates as the service computes them, for exact expectations. */
  const legal = async () => {
    const { clock } = await env.api.get(CalendarService).current();
    const subject = await env.db.getRepository(Subject).findOneByOrFail({ code: OWN });
    return { clock, subject: env.api.get(CalendarService).subjectCalendar(subject) };
  };

  it('files an appeal against a resolution: 201 with the decision due in 5 días hábiles, and mails requester and UIP', async () => {
    const filed = await fileWeb(env, OWN, 'recurso');
    await resolve(filed);
    const res = await fileAppeal(env, filed).expect(201);
    const { clock, subject } = await legal();
    const dueDate = clock.appealDecisionDueDate(localDateOf(new Date(res.body.appeal.filedAt)), subject);
    expect(res.body).toMatchObject({
      id: filed.caseId,
      status: 'resolved',
      appeal: { status: 'filed', filedAt: expect.any(String), dueDate, outcome: null, text: null },
    });
    expect(Math.abs(new Date(res.body.appeal.filedAt).getTime() - Date.now())).toBeLessThan(60_000);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'resolved', 'appeal_filed']);
    // The requester's view of the request shows it too, without the staff-only fields.
    const view = await env.http.get(`/api/v1/requests/${filed.folio}`).set('X-Access-Code', filed.accessCode).expect(200);
    expect(view.body.cases[0].appeal).toMatchObject({ status: 'filed', dueDate });

    const mail = await mailTo(env, filed.email, 'recurso de revisión presentado');
    expect(mail.text).toContain(dueDate);
    expect(mail.text).toContain('información entregada incompleta');
    const uip = await mailTo(env, MINFIN_UIP, `Recurso de revisión en la solicitud ${filed.folio}`);
    expect(uip.text).toContain(APPEAL.text);

    const second = await fileAppeal(env, filed, { grounds: 'denied', text: 'Presento un segundo recurso sobre lo mismo.' }).expect(409);
    expect(second.body.error).toBe('INVALID_STATE');
  });

  it('is decided by the highest authority of the subject, who mails the outcome and the compliance date', async () => {
    const filed = await fileWeb(env, OWN, 'decide');
    await resolve(filed);
    await fileAppeal(env, filed).expect(201);
    const before = await caseState(env, filed.caseId);
    expect((await decide(filed, tokens.otherAuthority).expect(404)).body.error).toBe('NOT_FOUND');
    expect((await decide(filed, tokens.officer).expect(403)).body.error).toBe('FORBIDDEN');
    expect(await caseState(env, filed.caseId)).toEqual(before);

    const res = await decide(filed).expect(200);
    expect(res.body).toMatchObject({
      status: 'resolved',
      appeal: { status: 'decided', outcome: 'revoked', text: DECISION.text, dueDate: expect.any(String) },
    });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'resolved', 'appeal_filed', 'appeal_decided']);
    const { clock, subject } = await legal();
    const complianceDueDate = clock.complianceDueDate(localDateOf(new Date(res.body.appeal.decidedAt)), subject);
    const [event] = await env.db.query(`SELECT data, actor_kind FROM case_events WHERE case_id = $1 AND type = 'appeal_decided'`, [filed.caseId]);
    expect(event).toMatchObject({ actor_kind: 'staff', data: { outcome: 'revoked', complianceDueDate } });

    const mail = await mailTo(env, filed.email, 'recurso de revisión resuelto');
    expect(mail.text).toContain('revocó la resolución recurrida');
    expect(mail.text).toContain(DECISION.text);
    expect(mail.text).toContain(complianceDueDate);

    expect((await decide(filed).expect(409)).body.error).toBe('INVALID_STATE');
  });

  it('refuses a decision when no appeal is pending, and an invalid outcome', async () => {
    const filed = await fileWeb(env);
    expect((await decide(filed).expect(409)).body.error).toBe('INVALID_STATE');
    await resolve(filed);
    await fileAppeal(env, filed).expect(201);
    const bad = await decide(filed, tokens.authority, { outcome: 'annulled', text: DECISION.text }).expect(400);
    expect(bad.body.details[0].field).toBe('outcome');
    expect((await decide(filed, tokens.authority, { outcome: 'confirmed', text: '\u2800 ' }).expect(400)).body.details[0].field).toBe('text');
  });

  it('allows an appeal against silence once the term has passed, and the case can still be resolved', async () => {
    const old = await registerOld(env, tokens.officer, 22, 'silencio');
    const res = await fileAppeal(env, old, { grounds: 'no_answer', text: 'No recibí respuesta dentro del plazo de ley.' }).expect(201);
    expect(res.body).toMatchObject({ status: 'received', overdue: true, appeal: { status: 'filed', outcome: null } });
    const resolved = await staffPost(env, tokens.officer, `/cases/${old.caseId}/resolution`, RESOLUTION).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { onTime: false }, appeal: { status: 'filed' } });
    await decide(old, tokens.authority, { outcome: 'modified', text: 'Se modifica: debe entregarse también el anexo de 2024.' }).expect(200);
  });

  it('refuses an appeal before the term ran out, on a transferred case and after the window', async () => {
    const open = await fileWeb(env);
    const before = await caseState(env, open.caseId);
    const early = await fileAppeal(env, open).expect(409);
    expect(early.body).toMatchObject({ statusCode: 409, error: 'INVALID_STATE', message: expect.stringContaining('Art. 55') });
    expect(await caseState(env, open.caseId)).toEqual(before);

    const moved = await fileWeb(env);
    await staffPost(env, tokens.officer, `/cases/${moved.caseId}/transfer`, { toSubject: 'SAT', reason: 'Competencia de la SAT.' }).expect(200);
    expect((await fileAppeal(env, moved).expect(409)).body.error).toBe('INVALID_STATE');

    // Forty days after the resolution the 15 días hábiles are long gone.
    const late = await fileWeb(env);
    await resolve(late);
    const now = Date.now();
    jest.spyOn(env.api.get(Clock), 'now').mockImplementation(() => new Date(now + 40 * 86_400_000));
    const lateBefore = await caseState(env, late.caseId);
    expect((await fileAppeal(env, late).expect(409)).body.error).toBe('INVALID_STATE');
    expect(await caseState(env, late.caseId)).toEqual(lateBefore);
    jest.restoreAllMocks();
  });

  it('admits an appeal against silence for as long as the case stays unanswered', async () => {
    // Sixty days after reception the 15 días hábiles after the term have passed, but the body still owes the answer.
    const stale = await registerOld(env, tokens.officer, 60, 'vencido');
    const res = await fileAppeal(env, stale, { grounds: 'no_answer', text: 'Nunca recibí respuesta a mi solicitud.' }).expect(201);
    expect(res.body.appeal).toMatchObject({ status: 'filed', outcome: null });
  });

  it.each([
    [{ grounds: '   ', text: APPEAL.text }, 'grounds'],
    [{ text: APPEAL.text }, 'grounds'],
    [{ grounds: 'denied', text: '\u200d\u2060' }, 'text'],
    [{ ...APPEAL, outcome: 'revoked' }, 'outcome'],
  ])('refuses %o (400 on %s)', async (body, field) => {
    const filed = await fileWeb(env);
    await resolve(filed);
    const res = await fileAppeal(env, filed, body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('needs the right access code and a case of that folio', async () => {
    const filed = await fileWeb(env);
    await resolve(filed);
    const other = await fileWeb(env);
    const wrong = await fileAppeal(env, { ...filed, accessCode: 'ABCDEFGHJKMN' }).expect(403);
    expect(wrong.body.error).toBe('ACCESS_CODE_INVALID');
    await env.http.post(`/api/v1/requests/${filed.folio}/cases/${filed.caseId}/appeal`).send(APPEAL).expect(401);
    await fileAppeal(env, { ...filed, caseId: other.caseId }).expect(404);
    await fileAppeal(env, { ...filed, caseId: 'not-a-uuid' }).expect(404);
    await fileAppeal(env, filed).expect(201);
  });
});
