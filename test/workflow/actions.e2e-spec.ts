import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import {
  caseState, createStaff, fileWeb, mailTo, OTHER, OWN, registerOld, RESOLUTION, staffGet, staffPost, StaffTokens,
} from './workflow-helpers';

const CLARIFICATION = { text: 'Indique el año fiscal y la dependencia a la que se refiere.' };
const EXTENSION = { reason: 'El volumen de la información requiere reunir expedientes de varias direcciones.' };
const TRANSFER = { toSubject: OTHER, reason: 'La información pertenece al Ministerio de Economía.' };
const MINECO_UIP = 'uip@mineco.gob.gt';

describe('the UIP’s actions on a case (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    await env.db.query(`UPDATE subjects SET uip_email = $1 WHERE code = $2`, [MINECO_UIP, OTHER]);
    tokens = await createStaff(env);
  });
  afterAll(() => env?.stop());

  const act = (caseId: string, action: string, body: unknown, token = tokens.officer) => staffPost(env, token, `/cases/${caseId}/${action}`, body);
  const eventsOf = (view: { events: { type: string }[] }) => view.events.map((e) => e.type);
  const deadlineFor = async (receivedAt: string, subject = OWN) =>
    (await env.http.get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(receivedAt)}&subject=${subject}`).expect(200)).body;

  describe('clarification request', () => {
    it('asks the requester, who answers with folio and access code; the case returns to received', async () => {
      const filed = await fileWeb(env, OWN, 'aclara');
      const res = await act(filed.caseId, 'clarification-request', CLARIFICATION).expect(200);
      expect(res.body).toMatchObject({ id: filed.caseId, status: 'clarification_requested', requester: { email: filed.email } });
      expect(eventsOf(res.body)).toEqual(['received', 'clarification_requested']);

      const mail = await mailTo(env, filed.email, 'aclaración');
      expect(mail.text).toContain(CLARIFICATION.text);
      expect(mail.text).toContain(filed.folio);
      expect(mail.text).toContain(`/solicitudes/${filed.folio}`);
      expect(mail.text).toContain('código de acceso');

      await act(filed.caseId, 'clarification-request', CLARIFICATION).expect(409);
      const answered = await env.http
        .post(`/api/v1/requests/${filed.folio}/cases/${filed.caseId}/clarification`)
        .set('X-Access-Code', filed.accessCode)
        .send({ text: 'Año fiscal 2025, Dirección de Presupuesto.' })
        .expect(200);
      expect(answered.body.status).toBe('received');
    });

    it('refuses an invisible text (400) and a closed case (409 INVALID_STATE)', async () => {
      const filed = await fileWeb(env);
      const short = await act(filed.caseId, 'clarification-request', { text: ' \u200b\n' }).expect(400);
      expect(short.body.details[0]).toMatchObject({ field: 'text' });
      await act(filed.caseId, 'clarification-request', { ...CLARIFICATION, extra: 1 }).expect(400);
      await act(filed.caseId, 'resolution', RESOLUTION).expect(200);
      const before = await caseState(env, filed.caseId);
      const closed = await act(filed.caseId, 'clarification-request', CLARIFICATION).expect(409);
      expect(closed.body.error).toBe('INVALID_STATE');
      expect(await caseState(env, filed.caseId)).toEqual(before);
    });
  });

  describe('extension', () => {
    it('extends the term once by 10 días hábiles and tells the requester the new date and the reason', async () => {
      const filed = await fileWeb(env, OWN, 'prorroga');
      const original = filed.cases[0] as { receivedAt: string; dueDate: string };
      const res = await act(filed.caseId, 'extension', EXTENSION).expect(200);
      const expected = await deadlineFor(original.receivedAt);
      expect(res.body).toMatchObject({
        status: 'extended',
        dueDate: original.dueDate,
        extendedDueDate: expected.extendedDueDate,
        overdue: false,
        fictaDueDate: null,
      });
      expect(eventsOf(res.body)).toEqual(['received', 'extended']);
      const [row] = await env.db.query(`SELECT term_due_date::text AS term, ficta_due_date::text AS ficta, extension_reason FROM cases WHERE id = $1`, [filed.caseId]);
      expect(row.term).toBe(expected.extendedDueDate);
      expect(row.ficta > expected.extendedDueDate).toBe(true);
      expect(row.extension_reason).toBe(EXTENSION.reason);

      const mail = await mailTo(env, filed.email, 'prorrogó');
      expect(mail.text).toContain(expected.extendedDueDate);
      expect(mail.text).toContain(EXTENSION.reason);

      // Once only, even after a clarification took the case out of `extended`.
      const second = await act(filed.caseId, 'extension', EXTENSION).expect(409);
      expect(second.body).toMatchObject({ statusCode: 409, error: 'EXTENSION_NOT_ALLOWED' });
      await act(filed.caseId, 'clarification-request', CLARIFICATION).expect(200);
      const before = await caseState(env, filed.caseId);
      expect((await act(filed.caseId, 'extension', EXTENSION).expect(409)).body.error).toBe('EXTENSION_NOT_ALLOWED');
      expect(await caseState(env, filed.caseId)).toEqual(before);
      // The answer brings it back to `extended`, not `received`.
      const answered = await env.http
        .post(`/api/v1/requests/${filed.folio}/cases/${filed.caseId}/clarification`)
        .set('X-Access-Code', filed.accessCode)
        .send({ text: 'Me refiero al año 2025.' })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'extended', extendedDueDate: expected.extendedDueDate });
    });

    it('refuses an extension after the original term ended: 409 EXTENSION_NOT_ALLOWED, nothing changes', async () => {
      const old = await registerOld(env, tokens.officer, 30);
      const before = await caseState(env, old.caseId);
      const res = await act(old.caseId, 'extension', EXTENSION).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'EXTENSION_NOT_ALLOWED', message: expect.stringContaining('venció') });
      expect(await caseState(env, old.caseId)).toEqual(before);
      expect(before).toMatchObject({ status: 'received', extended_due_date: null });
    });

    it('refuses a closed case with INVALID_STATE and a missing reason with VALIDATION_FAILED', async () => {
      const filed = await fileWeb(env);
      expect((await act(filed.caseId, 'extension', {}).expect(400)).body.details[0].field).toBe('reason');
      await act(filed.caseId, 'transfer', TRANSFER).expect(200);
      expect((await act(filed.caseId, 'extension', EXTENSION).expect(409)).body.error).toBe('INVALID_STATE');
    });
  });

  describe('resolution', () => {
    it('closes the case with a reasoned resolution, on time, and tells the requester the outcome and the appeal window', async () => {
      const filed = await fileWeb(env, OWN, 'resuelve');
      const res = await act(filed.caseId, 'resolution', RESOLUTION).expect(200);
      expect(res.body).toMatchObject({
        status: 'resolved',
        overdue: false,
        fictaDueDate: null,
        resolution: { type: 'delivered', text: RESOLUTION.text, onTime: true, businessDaysTaken: 0 },
      });
      expect(new Date(res.body.resolvedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(eventsOf(res.body)).toEqual(['received', 'resolved']);
      const [row] = await env.db.query(`SELECT closed_at FROM cases WHERE id = $1`, [filed.caseId]);
      expect(row.closed_at).not.toBeNull();

      const mail = await mailTo(env, filed.email, 'resolvió');
      expect(mail.text).toContain('se entrega la información solicitada');
      expect(mail.text).toContain(RESOLUTION.text);
      expect(mail.text).toMatch(/recurso de revisión .* a más tardar el \d{4}-\d{2}-\d{2}/);

      const again = await act(filed.caseId, 'resolution', RESOLUTION).expect(409);
      expect(again.body.error).toBe('INVALID_STATE');
    });

    it('marks a late resolution and counts its días hábiles', async () => {
      const old = await registerOld(env, tokens.officer, 30, 'tarde');
      const res = await act(old.caseId, 'resolution', { type: 'nonexistent', text: 'La información solicitada no existe en los archivos de la entidad.' }).expect(200);
      expect(res.body.resolution).toMatchObject({ type: 'nonexistent', onTime: false });
      expect(res.body.resolution.businessDaysTaken).toBeGreaterThan(10);
      expect(res.body.resolution.businessDaysTaken).toBeLessThanOrEqual(30);
      // The afirmativa ficta date stays on record for a case that missed its term.
      expect(res.body.fictaDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('requires the classification resolution for reserved and confidential denials', async () => {
      const filed = await fileWeb(env);
      const text = 'La información está clasificada como reservada por resolución de la máxima autoridad.';
      for (const type of ['denied_reserved', 'denied_confidential']) {
        const res = await act(filed.caseId, 'resolution', { type, text }).expect(400);
        expect(res.body.details).toEqual([{ field: 'classificationRef', message: expect.stringContaining('es obligatorio') }]);
      }
      await act(filed.caseId, 'resolution', { type: 'denied_reserved', text, classificationRef: null }).expect(400);
      expect((await act(filed.caseId, 'resolution', { type: 'denied_reserved', text, classificationRef: '\u3000' }).expect(400)).body.details[0].field).toBe('classificationRef');
      const ok = await act(filed.caseId, 'resolution', { type: 'denied_reserved', text, classificationRef: 'Acuerdo 05-2025, Diario Oficial 12/03/2025' }).expect(200);
      expect(ok.body.resolution).toMatchObject({ type: 'denied_reserved', classificationRef: 'Acuerdo 05-2025, Diario Oficial 12/03/2025' });
    });

    it.each([
      [{ type: 'granted', text: RESOLUTION.text }, 'type'],
      [{ type: 'delivered', text: '\t\u00a0\ufeff' }, 'text'],
      [{ type: 'delivered' }, 'text'],
      [{ ...RESOLUTION, onTime: true }, 'onTime'],
    ])('refuses %o (400 on %s)', async (body, field) => {
      const filed = await fileWeb(env);
      const before = await caseState(env, filed.caseId);
      const res = await act(filed.caseId, 'resolution', body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await caseState(env, filed.caseId)).toEqual(before);
    });
  });

  describe('transfer', () => {
    it('closes the case and opens one for the competent body under the same folio, received now', async () => {
      const filed = await fileWeb(env, OWN, 'traslado');
      const res = await act(filed.caseId, 'transfer', TRANSFER).expect(200);
      const { from, to } = res.body;
      expect(from).toMatchObject({
        id: filed.caseId,
        status: 'transferred',
        transferredTo: { id: to.id, subject: { code: OTHER, name: expect.any(String) } },
        transferredFrom: null,
      });
      expect(to).toMatchObject({
        folio: filed.folio,
        subject: { code: OTHER },
        status: 'received',
        channel: 'web',
        transferredFrom: { id: filed.caseId, subject: { code: OWN } },
        transferredTo: null,
        resolution: null,
      });
      expect(eventsOf(from)).toEqual(['received', 'transferred']);
      expect(eventsOf(to)).toEqual(['received']);
      expect(Math.abs(new Date(to.receivedAt).getTime() - Date.now())).toBeLessThan(60_000);
      expect(to.dueDate).toBe((await deadlineFor(to.receivedAt, OTHER)).dueDate);
      const [request] = await env.db.query(`SELECT count(DISTINCT request_id)::int AS n FROM cases WHERE folio = $1`, [filed.folio]);
      expect(request.n).toBe(1);

      // The competent body's officer now has it and may act on it; the first body no longer can.
      const inbox = await staffGet(env, tokens.otherOfficer, '/cases?status=received').expect(200);
      expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(to.id);
      expect((await staffGet(env, tokens.otherOfficer, `/cases/${to.id}`).expect(200)).body.requester.email).toBe(filed.email);
      await staffGet(env, tokens.officer, `/cases/${to.id}`).expect(404);
      await act(to.id, 'clarification-request', CLARIFICATION, tokens.otherOfficer).expect(200);

      // The requester sees both cases under the one folio.
      const pub = await env.http.get(`/api/v1/requests/${filed.folio}`).expect(200);
      expect(pub.body.cases.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
        [filed.caseId, 'transferred'],
        [to.id, 'clarification_requested'],
      ]);

      const requesterMail = await mailTo(env, filed.email, 'trasladada');
      expect(requesterMail.text).toContain(to.subject.name);
      expect(requesterMail.text).toContain(to.dueDate);
      expect(requesterMail.text).toContain(TRANSFER.reason);
      const uipMail = await mailTo(env, MINECO_UIP, filed.folio);
      expect(uipMail.text).toContain(to.id);
      expect(uipMail.text).toContain(TRANSFER.reason);
      expect(uipMail.text).toContain(to.dueDate);
    });

    it.each([
      [{ toSubject: OWN, reason: TRANSFER.reason }, /otro sujeto/],
      [{ toSubject: 'NO-EXISTE', reason: TRANSFER.reason }, /no existe/],
      [{ toSubject: 'mi nfin', reason: TRANSFER.reason }, /formato/],
      [{ toSubject: OTHER }, /obligatorio/],
    ])('refuses %o with 400 and changes nothing', async (body, message) => {
      const filed = await fileWeb(env);
      const before = await caseState(env, filed.caseId);
      const res = await act(filed.caseId, 'transfer', body).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { message: string }) => d.message).join(' ')).toMatch(message);
      expect(await caseState(env, filed.caseId)).toEqual(before);
    });

    it('refuses a body that already holds an open case of the folio, and a closed case', async () => {
      const res = await env.http
        .post('/api/v1/requests')
        .send({ subjects: [OWN, OTHER], description: 'Contratos de obra pública de 2025', requester: { name: 'Ana' }, deliveryFormat: 'electronic' })
        .expect(201);
      const mine = res.body.cases[0].id;
      const dup = await act(mine, 'transfer', TRANSFER).expect(400);
      expect(dup.body.details[0].message).toMatch(/ya tiene un caso abierto/);
      await act(mine, 'resolution', RESOLUTION).expect(200);
      expect((await act(mine, 'transfer', { toSubject: 'SAT', reason: TRANSFER.reason }).expect(409)).body.error).toBe('INVALID_STATE');
    });
  });

  describe('concurrent actions on one case', () => {
    const outcome = (statuses: number[]) => [...statuses].sort();

    it('lets exactly one of two resolutions win', async () => {
      const filed = await fileWeb(env);
      const results = await Promise.all([act(filed.caseId, 'resolution', RESOLUTION), act(filed.caseId, 'resolution', { ...RESOLUTION, type: 'nonexistent' })]);
      expect(outcome(results.map((r) => r.status))).toEqual([200, 409]);
      const [events] = await env.db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'resolved'`, [filed.caseId]);
      expect(events.n).toBe(1);
    });

    it('lets exactly one of a resolution and a withdrawal win', async () => {
      const filed = await fileWeb(env);
      const results = await Promise.all([
        act(filed.caseId, 'resolution', RESOLUTION),
        env.http.post(`/api/v1/requests/${filed.folio}/cases/${filed.caseId}/withdrawal`).set('X-Access-Code', filed.accessCode).send({}),
      ]);
      expect(outcome(results.map((r) => r.status))).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error).toBe('INVALID_STATE');
      const [row] = await env.db.query(`SELECT status, version FROM cases WHERE id = $1`, [filed.caseId]);
      expect(['resolved', 'withdrawn']).toContain(row.status);
      expect(row.version).toBe(2);
    });

    it('lets exactly one of two extensions win; the other is EXTENSION_NOT_ALLOWED', async () => {
      const filed = await fileWeb(env);
      const results = await Promise.all([act(filed.caseId, 'extension', EXTENSION), act(filed.caseId, 'extension', EXTENSION)]);
      expect(outcome(results.map((r) => r.status))).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.error).toBe('EXTENSION_NOT_ALLOWED');
    });

    it('lets exactly one of two transfers win, opening one new case', async () => {
      const filed = await fileWeb(env);
      const results = await Promise.all([act(filed.caseId, 'transfer', TRANSFER), act(filed.caseId, 'transfer', { ...TRANSFER, toSubject: 'SAT' })]);
      expect(outcome(results.map((r) => r.status))).toEqual([200, 409]);
      const [row] = await env.db.query(`SELECT count(*)::int AS n FROM cases WHERE transferred_from_case_id = $1`, [filed.caseId]);
      expect(row.n).toBe(1);
    });
  });
});
