import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import {
  APPEAL, caseState, createStaff, fileAppeal, fileWeb, OWN, RESOLUTION, staffPost, StaffTokens,
} from '../workflow/workflow-helpers';

/** Blank or invisible-only texts: spaces, no-break and ideographic spaces, zero-width characters, a BOM, the Hangul filler. */
const INVISIBLE = ['', '   ', '\t\n', '\u00a0\u3000', '\u200b\u200c\u200d', '\ufeff', '\u3164', '\u2800'];

describe('the contract to the letter (v1.1): free texts, who before what, duplicates, malformed Unicode (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;

  beforeAll(async () => {
    env = await startTestEnvironment();
    tokens = await createStaff(env);
  });
  afterAll(() => env?.stop());

  const requests = async () => Number((await env.db.query(`SELECT count(*)::int AS n FROM requests`))[0].n);
  const act = (caseId: string, action: string, body: unknown, token = tokens.officer) => staffPost(env, token, `/cases/${caseId}/${action}`, body);
  const fields = (res: { body: { details: { field: string }[] } }) => res.body.details.map((d) => d.field);

  describe('free texts need one visible character and nothing more', () => {
    it('accepts the short texts that invented minimums refused: an 8-character reason, a 1-character resolution and appeal', async () => {
      const filed = await fileWeb(env);
      await act(filed.caseId, 'extension', { reason: 'Volumen.' }).expect(200);
      const resolved = await act(filed.caseId, 'resolution', { type: 'delivered', text: 'x' }).expect(200);
      expect(resolved.body.resolution.text).toBe('x');
      await fileAppeal(env, filed, { grounds: 'denied', text: 'y' }).expect(201);
      const other = await fileWeb(env);
      await act(other.caseId, 'clarification-request', { text: '¿?' }).expect(200);
      await act(other.caseId, 'transfer', { toSubject: 'MINECO', reason: 'Z' }).expect(200);
    });

    it.each(INVISIBLE.map((text) => [JSON.stringify(text), text]))('refuses %s as a text, a reason, grounds and a name, changing nothing', async (_label, blank) => {
      const filed = await fileWeb(env);
      const before = await caseState(env, filed.caseId);
      for (const [action, body, field] of [
        ['extension', { reason: blank }, 'reason'],
        ['clarification-request', { text: blank }, 'text'],
        ['resolution', { type: 'delivered', text: blank }, 'text'],
        ['transfer', { toSubject: 'MINECO', reason: blank }, 'reason'],
      ] as const) {
        const res = await act(filed.caseId, action, body).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect(fields(res)).toContain(field);
      }
      expect(await caseState(env, filed.caseId)).toEqual(before);
      expect(fields(await fileAppeal(env, filed, { grounds: blank, text: APPEAL.text }).expect(400))).toContain('grounds');
      expect(fields(await fileAppeal(env, filed, { grounds: 'denied', text: blank }).expect(400))).toContain('text');
      const count = await requests();
      const name = await env.http.post('/api/v1/requests').send(filingBody({ requester: { name: blank } })).expect(400);
      expect(fields(name)).toContain('requester.name');
      const description = await env.http.post('/api/v1/requests').send(filingBody({ description: blank.padEnd(12, blank || ' ') })).expect(400);
      expect(fields(description)).toContain('description');
      expect(await requests()).toBe(count);
    });

    it('caps texts generously: 2,000 characters for a name, 20,000 for a resolution, and one more is refused', async () => {
      const filed = await fileWeb(env);
      await env.http
        .post('/api/v1/requests')
        .send(filingBody({ subjects: [OWN], requester: { name: 'Ñ'.repeat(2000) } }))
        .expect(201);
      await env.http.post('/api/v1/requests').send(filingBody({ requester: { name: 'Ñ'.repeat(2001) } })).expect(400);
      await act(filed.caseId, 'resolution', { type: 'delivered', text: 'a'.repeat(20001) }).expect(400);
      await act(filed.caseId, 'resolution', { type: 'delivered', text: 'a'.repeat(20000) }).expect(200);
    });

    it('still holds the description to 10 visible characters or more', async () => {
      const res = await env.http.post('/api/v1/requests').send(filingBody({ description: 'Corto' })).expect(400);
      expect(fields(res)).toEqual(['description']);
    });
  });

  describe('appeal grounds', () => {
    it('takes free text, recognizes the Art. 55 codes and counts appeals by them in the annual report', async () => {
      const year = new Date().getUTCFullYear();
      const report = async () => (await env.http.get(`/api/v1/reports/annual?subject=${OWN}&year=${year}`).expect(200)).body.appeals.byGround;
      const before = await report();
      const free = await fileWeb(env);
      await act(free.caseId, 'resolution', RESOLUTION).expect(200);
      const res = await fileAppeal(env, free, { grounds: 'La respuesta no corresponde a lo que pedí', text: APPEAL.text }).expect(201);
      expect(res.body.appeal).toMatchObject({ status: 'filed', grounds: 'La respuesta no corresponde a lo que pedí' });
      const coded = await fileWeb(env);
      await act(coded.caseId, 'resolution', RESOLUTION).expect(200);
      await fileAppeal(env, coded, { grounds: 'incomplete', text: APPEAL.text }).expect(201);
      const after = await report();
      expect(after.other).toBe(before.other + 1);
      expect(after.incomplete).toBe(before.incomplete + 1);
      expect(after.denied).toBe(before.denied);
    });
  });

  describe('who before what', () => {
    const BAD_BODIES: [string, string][] = [
      ['an invalid body', JSON.stringify({ text: '', extra: 1 })],
      ['malformed JSON', '{"text": '],
      ['a lone surrogate', '{"text": "\\ud800"}'],
    ];

    it.each(BAD_BODIES)('answers a requester action with a wrong code and %s 403, with no code 401', async (_label, raw) => {
      const filed = await fileWeb(env);
      for (const action of ['clarification', 'withdrawal', 'appeal']) {
        const path = `/api/v1/requests/${filed.folio}/cases/${filed.caseId}/${action}`;
        const wrong = await env.http.post(path).set('Content-Type', 'application/json').set('X-Access-Code', 'ABCDEFGHJKMN').send(raw).expect(403);
        expect(wrong.body.error).toBe('ACCESS_CODE_INVALID');
        const missing = await env.http.post(path).set('Content-Type', 'application/json').send(raw).expect(401);
        expect(missing.body.error).toBe('UNAUTHORIZED');
      }
      // With the right code, the body's fault is reported.
      const path = `/api/v1/requests/${filed.folio}/cases/${filed.caseId}/clarification`;
      const right = await env.http.post(path).set('Content-Type', 'application/json').set('X-Access-Code', filed.accessCode).send(raw).expect(400);
      expect(right.body.error).toBe('VALIDATION_FAILED');
    });

    it.each(BAD_BODIES)('answers a staff action with no token and %s 401, with the wrong role 403', async (_label, raw) => {
      const filed = await fileWeb(env);
      const path = `/api/v1/cases/${filed.caseId}/extension`;
      const none = await env.http.post(path).set('Content-Type', 'application/json').send(raw).expect(401);
      expect(none.body.error).toBe('UNAUTHORIZED');
      const role = await env.http.post(path).set('Content-Type', 'application/json').set('Authorization', `Bearer ${tokens.monitor}`).send(raw).expect(403);
      expect(role.body.error).toBe('FORBIDDEN');
      const users = await env.http.post('/api/v1/users').set('Content-Type', 'application/json').set('Authorization', `Bearer ${tokens.officer}`).send(raw).expect(403);
      expect(users.body.error).toBe('FORBIDDEN');
      await env.http.post(path).set('Content-Type', 'application/json').set('Authorization', `Bearer ${tokens.officer}`).send(raw).expect(400);
    });
  });

  describe('subjects listed twice', () => {
    it.each([
      [['MINFIN', 'minfin']],
      [[' MINFIN', 'MINFIN ']],
      [['MUNI-0407', 'muni-0407', 'MINFIN']],
    ])('refuses %j with 400 and files nothing', async (subjects) => {
      const count = await requests();
      const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects })).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(fields(res)).toContain('subjects');
      expect(await requests()).toBe(count);
    });

    it('reads codes in any case and spacing as the catalog writes them', async () => {
      const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects: [' minfin ', 'Muni-0407'] })).expect(201);
      expect(res.body.cases.map((c: { subject: { code: string } }) => c.subject.code)).toEqual(['MINFIN', 'MUNI-0407']);
    });
  });

  describe('malformed Unicode is refused at the door', () => {
    it.each([
      ['an email', filingBody({ requester: { name: 'Ana', email: '\ud800@example.org' } })],
      ['an email (low surrogate)', filingBody({ requester: { name: 'Ana', email: 'ana\udc00@example.org' } })],
      ['a name', filingBody({ requester: { name: 'Ana \ud83d' } })],
      ['a description', filingBody({ description: 'Presupuesto \udfff de 2026 completo' })],
      ['a subject code', filingBody({ subjects: ['MINFIN\ud800'] })],
      ['a field name', { ...filingBody(), ['\ud800']: 1 }],
    ])('in %s of a filing: 400, not 500, and nothing filed', async (_label, body) => {
      const count = await requests();
      const res = await env.http.post('/api/v1/requests').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', message: expect.stringContaining('Unicode') });
      expect(await requests()).toBe(count);
    });

    it('in every JSON body: login, user creation, routing, staff actions', async () => {
      await env.http.post('/api/v1/auth/login').send({ email: '\ud800', password: 'x' }).expect(400);
      await env.http
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .send({ email: `a\udbff${uniqueEmail()}`, password: 'contraseña-larga-1', role: 'pdh_monitor' })
        .expect(400);
      await env.http.post('/api/v1/routing/suggestions').send({ description: 'presupuesto \ud800' }).expect(400);
      const filed = await fileWeb(env);
      await act(filed.caseId, 'extension', { reason: '\udc00 volumen' }).expect(400);
    });

    it('in addresses and query strings: a 4xx or an empty answer, never a 500', async () => {
      // %ED%A0%80 is U+D800 encoded as UTF-8: not valid UTF-8, so it cannot be decoded into text.
      for (const path of [
        '/api/v1/subjects/%ED%A0%80',
        '/api/v1/requests/VT-2026-%ED%A0%80',
        '/api/v1/subjects?q=%ED%A0%80',
        '/api/v1/subjects?q=%uD800',
        '/api/v1/calendar/deadline?receivedAt=%ED%A0%80&subject=MINFIN',
      ]) {
        const res = await env.http.get(path);
        expect({ path, serverError: res.status >= 500 }).toEqual({ path, serverError: false });
        if (res.status >= 400) expect(res.body.error).toEqual(expect.any(String));
      }
    });

    it('keeps well-formed astral characters (emoji, rare CJK) intact', async () => {
      const name = 'Ana 😀 𠜎';
      const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects: [OWN], requester: { name } })).expect(201);
      const view = await env.http.get(`/api/v1/requests/${res.body.folio}`).set('X-Access-Code', res.body.accessCode).expect(200);
      expect(view.body.requester.name).toBe(name);
    });
  });

  describe('requester names', () => {
    it.each(['Visite http://evil.example/premio', 'Ana www.gana-ya.com', 'Premio en bit.ly/abc', 'HTTPS://EVIL.EXAMPLE'])('refuses a name with a link: %s', async (name) => {
      const res = await env.http.post('/api/v1/requests').send(filingBody({ requester: { name, email: uniqueEmail() } })).expect(400);
      expect(fields(res)).toEqual(['requester.name']);
    });

    it.each(['Ana María López', 'J. R. Pérez', 'María.José', "O'Brien Núñez"])('accepts %s', async (name) => {
      await env.http.post('/api/v1/requests').send(filingBody({ subjects: [OWN], requester: { name } })).expect(201);
    });
  });
});
