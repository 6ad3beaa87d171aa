import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { addDays, startOfLocalDay } from '@ventanilla/calendar';
import { PdhDigests, SubjectDigests } from '@ventanilla/watch';
import { createUser, tokenFor } from '../auth/auth-helpers';
import { eventually, mailQueueIdle, milestonesOf, pause, restoreNow, setNow, setUipEmail, sweep } from '../watch/watch-helpers';
import { APPEAL, fileAppeal, PASSWORD, RESOLUTION, staffGet, staffPost } from '../workflow/workflow-helpers';

/**
 * Who hears of what: every notice about a MINFIN case reaches its two active officers and its
 * UIP mailbox, once each; never a deactivated officer nor MINECO's; appeals also reach MINFIN's
 * highest authority; the PDH digest names the bodies nobody can reach.
 */
describe('notices reach the people who must act (e2e)', () => {
  let env: TestEnvironment;
  let admin: string;
  let mailbox: string;
  const officers = [uniqueEmail('oficial.uno'), uniqueEmail('oficial.dos')];
  const deactivated = uniqueEmail('oficial.inactivo');
  const otherOfficer = uniqueEmail('oficial.mineco');
  const authority = uniqueEmail('maxima.autoridad');
  const monitor = uniqueEmail('pdh.monitor');
  let officerToken: string;

  const withFolio = (to: string, folio: string) => env.smtp.to(to).filter((m) => m.text?.includes(folio));
  /** Waits until each address has `n` mails about the folio. */
  const reached = (to: string[], folio: string, n: number, what: string) =>
    eventually(async () => to.every((a) => withFolio(a, folio).length >= n), 20000, `${what} a ${to.join(', ')}`);

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    mailbox = await setUipEmail(env, 'MINFIN');
    const make = (email: string, role: string, subjectCode?: string) =>
      createUser(env, admin, { email, password: PASSWORD, role, ...(subjectCode ? { subjectCode } : {}) }).expect(201);
    for (const email of officers) await make(email, 'uip_officer', 'MINFIN');
    const gone = await make(deactivated, 'uip_officer', 'MINFIN');
    await env.http.patch(`/api/v1/users/${gone.body.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false }).expect(200);
    await make(otherOfficer, 'uip_officer', 'MINECO');
    await make(authority, 'highest_authority', 'MINFIN');
    await make(monitor, 'pdh_monitor');
    officerToken = await tokenFor(env, officers[0], PASSWORD);
  });
  afterEach(() => restoreNow([env.api, env.worker]));
  afterAll(() => env?.stop());

  it('a new case, the clarification answer and every milestone reach both officers and the mailbox, once each', async () => {
    const requester = uniqueEmail('requirente');
    const res = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ subjects: ['MINFIN'], language: 'cak', requester: { name: 'Ana Xoyón', email: requester } }))
      .expect(201);
    const { folio, accessCode } = res.body;
    const caseId = res.body.cases[0].id as string;
    const uip = [...officers, mailbox];

    await reached(uip, folio, 1, 'el aviso de caso nuevo');
    for (const to of uip) {
      const [mail] = withFolio(to, folio);
      expect(mail.subject).toContain('Nueva solicitud');
      expect(mail.text).toContain('requirente prefiere Kaqchikel');
      expect(mail.text).toContain(`/personal/casos/${caseId}`);
    }
    const [filed] = await env.smtp.waitFor(requester, 1);
    expect(filed.text).toContain(`/solicitudes/${folio}`);
    expect(filed.text).not.toContain('/api/v1/');

    // The officer sees the language on the case too.
    const view = await staffGet(env, officerToken, `/cases/${caseId}`).expect(200);
    expect(view.body.language).toEqual({ code: 'cak', name: 'Kaqchikel' });

    await staffPost(env, officerToken, `/cases/${caseId}/clarification-request`, { text: '¿De qué año fiscal?' }).expect(200);
    await env.http
      .post(`/api/v1/requests/${folio}/cases/${caseId}/clarification`)
      .set('X-Access-Code', accessCode)
      .send({ text: 'Del año fiscal 2025.' })
      .expect(200);
    await reached(uip, folio, 2, 'la respuesta a la aclaración');
    expect(withFolio(officers[1], folio)[1].subject).toContain('respondió la aclaración');

    // Reminder, extension window, last day, overdue, afirmativa ficta.
    const rows = await milestonesOf(env, caseId);
    expect(rows.map((r) => r.kind)).toEqual(['reminder', 'extension_window', 'last_day', 'overdue', 'ficta']);
    for (const [i, row] of rows.entries()) {
      setNow([env.worker], new Date(row.dueAt.getTime() + 1000));
      await sweep(env.worker!);
      await reached(uip, folio, 3 + i, `el aviso ${row.kind}`);
    }
    await mailQueueIdle(env.worker!);
    await pause(500);
    for (const to of uip) {
      expect(withFolio(to, folio).map((m) => m.subject)).toEqual([
        expect.stringContaining('Nueva solicitud'),
        expect.stringContaining('respondió la aclaración'),
        expect.stringMatching(/^Recordatorio/),
        expect.stringContaining('prórroga'),
        expect.stringMatching(/^Recordatorio/),
        expect.stringContaining('vencida sin respuesta'),
        expect.stringContaining('afirmativa ficta'),
      ]);
    }
    for (const nobody of [deactivated, otherOfficer, authority, monitor]) expect(withFolio(nobody, folio)).toEqual([]);
    // The requester was told the appeal rule the service applies while the case is overdue.
    const overdue = (await env.smtp.waitFor(requester, 3)).find((m) => m.subject?.includes('no respondió a tiempo'))!;
    expect(overdue.text).toContain('en cualquier momento un recurso de revisión');
  });

  it('an appeal and its decision term also reach the highest authority', async () => {
    const requester = uniqueEmail('apelante');
    const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['MINFIN'], requester: { name: 'Juan Pérez', email: requester } })).expect(201);
    const filed = { folio: res.body.folio as string, accessCode: res.body.accessCode as string, caseId: res.body.cases[0].id as string };
    const staff = [...officers, mailbox, authority];
    await reached([...officers, mailbox], filed.folio, 1, 'el aviso de caso nuevo');
    expect(withFolio(authority, filed.folio)).toEqual([]);

    await staffPost(env, officerToken, `/cases/${filed.caseId}/resolution`, RESOLUTION).expect(200);
    await fileAppeal(env, filed, APPEAL).expect(201);
    await eventually(async () => staff.every((a) => withFolio(a, filed.folio).some((m) => m.subject?.startsWith('Recurso de revisión'))), 20000, 'el aviso del recurso');

    const decision = (await milestonesOf(env, filed.caseId)).find((r) => r.kind === 'appeal_decision')!;
    setNow([env.worker], new Date(decision.dueAt.getTime() + 1000));
    await sweep(env.worker!);
    const lapsed = (a: string) => withFolio(a, filed.folio).filter((m) => m.subject?.includes('venció el plazo para resolver el recurso'));
    await eventually(async () => staff.every((a) => lapsed(a).length === 1), 20000, 'el aviso del plazo del recurso');
    await mailQueueIdle(env.worker!);
    await pause(300);
    for (const to of staff) expect(lapsed(to)).toHaveLength(1);
    for (const nobody of [deactivated, otherOfficer, monitor]) expect(withFolio(nobody, filed.folio)).toEqual([]);
  });

  it("a transfer and the daily digest reach the competent body's officers, once each even when its mailbox is an officer's address", async () => {
    // MINECO's mailbox is its officer's own address, written differently: one person, one mail.
    await setUipEmail(env, 'MINECO', `  ${otherOfficer.toUpperCase()} `);
    const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['MINFIN'], requester: { name: 'Rosa Tuyuc', email: uniqueEmail('traslado') } })).expect(201);
    const folio = res.body.folio as string;
    const transfer = await staffPost(env, officerToken, `/cases/${res.body.cases[0].id}/transfer`, { toSubject: 'MINECO', reason: 'Es de su competencia.' }).expect(200);
    const due = transfer.body.to.dueDate as string;
    await reached([otherOfficer], folio, 1, 'el aviso del traslado');
    expect(withFolio(otherOfficer, folio)[0].subject).toContain('trasladada a Ministerio de Economía');

    // 07:00 two days before its due date: the case is in MINECO's digest of the week.
    setNow([env.worker], new Date(startOfLocalDay(addDays(due, -2)).getTime() + 7 * 3600_000));
    await env.worker!.get(SubjectDigests).send();
    const digestsOf = (to: string) => env.smtp.to(to).filter((m) => m.subject?.startsWith('Resumen') && m.text?.includes(folio));
    await eventually(async () => digestsOf(otherOfficer).length === 1, 20000, 'el resumen diario de MINECO');
    await mailQueueIdle(env.worker!);
    await pause(300);
    expect(digestsOf(otherOfficer)).toHaveLength(1);
    expect(withFolio(otherOfficer, folio).filter((m) => m.subject?.includes('trasladada'))).toHaveLength(1);
    for (const nobody of [deactivated, authority, monitor]) expect(withFolio(nobody, folio)).toEqual([]);
    await env.db.query(`UPDATE subjects SET uip_email = NULL WHERE code = 'MINECO'`);
  });

  it('the PDH digest and the statistics name the subjects nobody can reach', async () => {
    setNow([env.worker], new Date(Date.now() + 3600_000));
    const result = await env.worker!.get(PdhDigests).send();
    expect(result.unreachable).toBeGreaterThan(400);
    const [digest] = await env.smtp.waitFor(monitor, 1);
    expect(digest.subject).toContain('sin UIP registrada');
    expect(digest.text).toContain('Superintendencia de Administración Tributaria (SAT): sin UIP registrada');
    // MINFIN has officers and a mailbox; MINECO has one officer: both reachable.
    expect(digest.text).not.toContain('(MINFIN): sin UIP');
    expect(digest.text).not.toContain('(MINECO): sin UIP');

    const stats = await env.http.get('/api/v1/stats/subjects').expect(200);
    const codes = (stats.body.unreachableSubjects as { code: string }[]).map((s) => s.code);
    expect(codes).toContain('SAT');
    expect(codes).not.toContain('MINFIN');
    expect(codes).not.toContain('MINECO');
    const minfin = (stats.body.items as { subject: { code: string }; reachable: boolean }[]).find((i) => i.subject.code === 'MINFIN');
    expect(minfin?.reachable).toBe(true);
  });
});
