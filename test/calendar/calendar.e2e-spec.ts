import { addDays, localDateOf } from '@ventanilla/calendar';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';

// Expected dates are counted by hand on a 2025/2026 calendar (see each comment):
// 2026: Holy Thu/Fri/Sat 2-4 Apr, 1 May (Fri), 30 Jun (Tue) observed Mon 29 Jun, 15 Sep, 20 Oct (Tue), 1 Nov (Sun).

interface Terms {
  receivedOn: string;
  dueDate: string;
  extendedDueDate: string;
}

describe('calendar (e2e)', () => {
  let env: TestEnvironment;
  let adminToken: string;
  let officerToken: string;

  const login = async (email: string, password: string): Promise<string> => {
    const res = await env.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  };
  const deadline = async (receivedAt: string, subject: string): Promise<Terms> => {
    const res = await env.http.get('/api/v1/calendar/deadline').query({ receivedAt, subject }).expect(200);
    return res.body as Terms;
  };
  const declare = (body: object, token = adminToken) =>
    env.http.post('/api/v1/calendar/non-business-days').set('Authorization', `Bearer ${token}`).send(body);
  const patchSettings = (code: string, body: object, token = adminToken) =>
    env.http.patch(`/api/v1/calendar/subjects/${code}`).set('Authorization', `Bearer ${token}`).send(body);
  const declaredCount = async (): Promise<number> => {
    const [{ count }] = await env.db.query(`SELECT count(*)::int AS count FROM non_business_days`);
    return count as number;
  };
  const revision = async (): Promise<string> => {
    const [row] = await env.db.query(`SELECT revision::text AS revision FROM calendar_revision`);
    return row.revision as string;
  };
  const fields = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

  beforeAll(async () => {
    env = await startTestEnvironment();
    adminToken = await login(env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    await env.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email: 'uip.calendario@minfin.gob.gt', password: 'officer-password-1', role: 'uip_officer', subjectCode: 'MINFIN' })
      .expect(201);
    officerToken = await login('uip.calendario@minfin.gob.gt', 'officer-password-1');
  });
  afterAll(() => env?.stop());

  describe('GET /calendar/deadline', () => {
    it('skips Holy Week for a national body', async () => {
      // Mon 30 Mar, 10:00: received that day. 31 Mar (1), 1 Apr (2), [2-5 Apr closed], 6 (3) … 10 (7), 13 (8), 14 (9), 15 (10).
      // Extension: 16 (1), 17, 20, 21, 22, 23, 24, 27, 28, 29 Apr (10).
      const res = await env.http
        .get('/api/v1/calendar/deadline')
        .query({ receivedAt: '2026-03-30T10:00:00-06:00', subject: 'MINFIN' })
        .expect(200);
      expect(res.body).toEqual({ receivedOn: '2026-03-30', dueDate: '2026-04-15', extendedDueDate: '2026-04-29' });
    });

    it('moves a request received at or after closing time to the next día hábil', async () => {
      // Received Tue 31 Mar: 1 Apr (1), 6 … 10 (2-6), 13, 14, 15, 16 Apr (10); extension through Thu 30 Apr.
      const afterClosing = { receivedOn: '2026-03-31', dueDate: '2026-04-16', extendedDueDate: '2026-04-30' };
      expect(await deadline('2026-03-30T16:30:00-06:00', 'MINFIN')).toEqual(afterClosing);
      expect(await deadline('2026-03-30T16:00:00-06:00', 'MINFIN')).toEqual(afterClosing);
      expect((await deadline('2026-03-30T15:59:59-06:00', 'MINFIN')).receivedOn).toBe('2026-03-30');
    });

    it('reads the instant in Guatemalan time, whatever its offset', async () => {
      // 03:00Z on 31 Mar is 21:00 on Mon 30 Mar in Guatemala: after closing, so received Tue 31 Mar.
      expect(await deadline('2026-03-31T03:00:00Z', 'MINFIN')).toEqual({
        receivedOn: '2026-03-31',
        dueDate: '2026-04-16',
        extendedDueDate: '2026-04-30',
      });
      // 01:00 on 31 Mar in Tokyo is 10:00 on 30 Mar in Guatemala.
      expect((await deadline('2026-03-31T01:00:00+09:00', 'MINFIN')).receivedOn).toBe('2026-03-30');
      // A request on Good Friday or Easter Sunday counts from Monday 6 Apr.
      expect((await deadline('2026-04-03T09:00:00-06:00', 'MINFIN')).receivedOn).toBe('2026-04-06');
      expect((await deadline('2026-04-06T05:00:00Z', 'MINFIN')).receivedOn).toBe('2026-04-06');
    });

    it("counts Guatemala City's fiesta titular (15 August) only for that municipality", async () => {
      // 2025: 15 Aug is a Friday. Received Wed 13 Aug.
      // MINFIN: 14 (1), 15 (2), 18 … 22 (3-7), 25, 26, 27 Aug (10); extension 28, 29, 1 … 5 Sep, 8, 9, 10 Sep (10).
      expect(await deadline('2025-08-13T09:00:00-06:00', 'MINFIN')).toEqual({
        receivedOn: '2025-08-13',
        dueDate: '2025-08-27',
        extendedDueDate: '2025-09-10',
      });
      // MUNI-0101 skips Fri 15 Aug: one día hábil later at each step.
      expect(await deadline('2025-08-13T09:00:00-06:00', 'MUNI-0101')).toEqual({
        receivedOn: '2025-08-13',
        dueDate: '2025-08-28',
        extendedDueDate: '2025-09-11',
      });
      // 2026: 15 Aug is a Saturday, not hábil for either anyway. Received Thu 13 Aug:
      // 14 (1), 17 … 21 (2-6), 24 … 27 Aug (10); extension 28, 31, 1 … 4 Sep, 7, 8, 9, 10 Sep (10).
      const both = { receivedOn: '2026-08-13', dueDate: '2026-08-27', extendedDueDate: '2026-09-10' };
      expect(await deadline('2026-08-13T09:00:00-06:00', 'MINFIN')).toEqual(both);
      expect(await deadline('2026-08-13T09:00:00-06:00', 'MUNI-0101')).toEqual(both);
    });

    it('validates receivedAt and subject', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ receivedAt: 'mañana', subject: 'MINFIN' }, 'receivedAt'],
        [{ receivedAt: '2026-03-30T10:00:00', subject: 'MINFIN' }, 'receivedAt'],
        [{ receivedAt: '2026-03-30', subject: 'MINFIN' }, 'receivedAt'],
        [{ receivedAt: '2026-02-30T10:00:00-06:00', subject: 'MINFIN' }, 'receivedAt'],
        [{ receivedAt: '1999-06-01T10:00:00-06:00', subject: 'MINFIN' }, 'receivedAt'],
        [{ subject: 'MINFIN' }, 'receivedAt'],
        [{ receivedAt: '2026-03-30T10:00:00-06:00' }, 'subject'],
        [{ receivedAt: '2026-03-30T10:00:00-06:00', subject: 'MINFIN', extra: '1' }, 'extra'],
      ];
      for (const [query, field] of cases) {
        const res = await env.http.get('/api/v1/calendar/deadline').query(query).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
        expect(fields(res.body)).toContain(field);
      }
      const english = await env.http
        .get('/api/v1/calendar/deadline')
        .query({ receivedAt: '2026-03-30T10:00:00', subject: 'MINFIN' })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(english.body.details).toEqual([{ field: 'receivedAt', message: 'must be an ISO-8601 instant with offset' }]);
      const unknown = await env.http
        .get('/api/v1/calendar/deadline')
        .query({ receivedAt: '2026-03-30T10:00:00-06:00', subject: 'NOPE' })
        .expect(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', details: [] });
    });
  });

  describe('GET /calendar/non-business-days', () => {
    const national2026 = [
      ['2026-01-01', 'holiday'],
      ['2026-04-02', 'holiday'],
      ['2026-04-03', 'holiday'],
      ['2026-04-04', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-06-29', 'holiday'], // 30 June is a Tuesday: observed on the previous Monday (Decreto 19-2018)
      ['2026-09-15', 'holiday'],
      ['2026-10-20', 'holiday'],
      ['2026-11-01', 'holiday'],
      ['2026-12-24', 'half_day'],
      ['2026-12-25', 'holiday'],
      ['2026-12-31', 'half_day'],
    ];

    it('lists the national holidays of a year, sorted', async () => {
      const res = await env.http.get('/api/v1/calendar/non-business-days?year=2026').expect(200);
      expect(res.body.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual(national2026);
      expect(res.body.find((d: { date: string }) => d.date === '2026-06-29')).toEqual({
        date: '2026-06-29',
        name: 'Día del Ejército',
        kind: 'holiday',
      });
      for (const day of res.body) expect(Object.keys(day).sort()).toEqual(['date', 'kind', 'name']);
    });

    it("adds a subject's local holidays", async () => {
      const res = await env.http.get('/api/v1/calendar/non-business-days?year=2026&subject=MUNI-0101').expect(200);
      const expected = [...national2026.slice(0, 6), ['2026-08-15', 'local_holiday'], ...national2026.slice(6)];
      expect(res.body.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual(expected);
      const minfin = await env.http.get('/api/v1/calendar/non-business-days?year=2026&subject=MINFIN').expect(200);
      expect(minfin.body).toHaveLength(national2026.length);
    });

    it('defaults to the current year in Guatemala', async () => {
      const year = new Date(Date.now() - 6 * 3600_000).getUTCFullYear();
      const byDefault = await env.http.get('/api/v1/calendar/non-business-days').expect(200);
      const explicit = await env.http.get(`/api/v1/calendar/non-business-days?year=${year}`).expect(200);
      expect(byDefault.body).toEqual(explicit.body);
      expect(byDefault.body[0].date).toBe(`${year}-01-01`);
    });

    it('validates year and subject', async () => {
      for (const [query, field] of [
        ['year=1999', 'year'],
        ['year=2101', 'year'],
        ['year=abc', 'year'],
        ['year=2026.5', 'year'],
        ['year=2026&foo=1', 'foo'],
      ]) {
        const res = await env.http.get(`/api/v1/calendar/non-business-days?${query}`).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect(fields(res.body)).toContain(field);
      }
      await env.http.get('/api/v1/calendar/non-business-days?year=2026&subject=NOPE').expect(404);
    });
  });

  describe('POST /calendar/non-business-days', () => {
    it('requires an admin token', async () => {
      const body = { date: '2026-10-09', name: 'Asueto sin permiso' };
      const anonymous = await env.http.post('/api/v1/calendar/non-business-days').send(body).expect(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
      await declare(body, 'not-a-token').expect(401);
      const officer = await declare(body, officerToken).expect(403);
      expect(officer.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
      expect(await declaredCount()).toBe(0);
    });

    it('rejects invalid bodies and writes nothing', async () => {
      const before = await revision();
      const cases: [object, string][] = [
        [{ date: '2026-02-30', name: 'Fecha inexistente' }, 'date'],
        [{ date: '2026-2-3', name: 'Formato corto' }, 'date'],
        [{ date: '1999-12-31', name: 'Fuera de rango' }, 'date'],
        [{ name: 'Sin fecha' }, 'date'],
        [{ date: '2026-10-09', name: '' }, 'name'],
        [{ date: '2026-10-09', name: '   \u200b   ' }, 'name'],
        [{ date: '2026-10-09', name: 'x'.repeat(2001) }, 'name'],
        [{ date: '2026-10-09' }, 'name'],
        [{ date: '2026-10-09', name: 'Campo extra', reason: 'x' }, 'reason'],
        [{ date: '2026-10-09', name: 'Sujeto desconocido', subjectCode: 'NOPE' }, 'subjectCode'],
        [{ date: '2026-10-09', name: 'Sujeto no texto', subjectCode: 7 }, 'subjectCode'],
      ];
      for (const [body, field] of cases) {
        const res = await declare(body).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
        expect(fields(res.body)).toContain(field);
      }
      expect(await declaredCount()).toBe(0);
      expect(await revision()).toBe(before);
    });

    it('moves the very next deadline, for everyone or for one subject only', async () => {
      // Mon 5 Oct 2026: 6 … 9 (1-4), 12 … 16 (5-9), 19 Oct (10); extension skips Tue 20 Oct: 21 … 30, 2, 3 Nov (10).
      const received = '2026-10-05T10:00:00-06:00';
      const original = { receivedOn: '2026-10-05', dueDate: '2026-10-19', extendedDueDate: '2026-11-03' };
      expect(await deadline(received, 'MINFIN')).toEqual(original);
      expect(await deadline(received, 'MINECO')).toEqual(original);

      const global = await declare({ date: '2026-10-09', name: 'Asueto por Acuerdo Gubernativo (prueba)' }).expect(201);
      expect(global.body).toEqual({ date: '2026-10-09', name: 'Asueto por Acuerdo Gubernativo (prueba)', kind: 'declared', subjectCode: null });
      // Without Fri 9 Oct: 6, 7, 8, 12 … 16, 19, [20 holiday], 21 Oct (10); extension 22, 23, 26 … 30, 2, 3, 4 Nov.
      const afterGlobal = { receivedOn: '2026-10-05', dueDate: '2026-10-21', extendedDueDate: '2026-11-04' };
      expect(await deadline(received, 'MINFIN')).toEqual(afterGlobal);
      expect(await deadline(received, 'MINECO')).toEqual(afterGlobal);

      const own = await declare({ date: '2026-10-14', name: '  Cierre de oficinas del MINFIN  ', subjectCode: 'minfin' }).expect(201);
      expect(own.body).toEqual({ date: '2026-10-14', name: 'Cierre de oficinas del MINFIN', kind: 'declared', subjectCode: 'MINFIN' });
      // MINFIN also loses Wed 14 Oct: 6, 7, 8, 12, 13, 15, 16, 19, 21, 22 Oct (10); extension 23, 26 … 30, 2 … 5 Nov.
      expect(await deadline(received, 'MINFIN')).toEqual({ receivedOn: '2026-10-05', dueDate: '2026-10-22', extendedDueDate: '2026-11-05' });
      expect(await deadline(received, 'MINECO')).toEqual(afterGlobal);
      // A request on a declared day counts from the next día hábil.
      expect((await deadline('2026-10-14T09:00:00-06:00', 'MINFIN')).receivedOn).toBe('2026-10-15');
      expect((await deadline('2026-10-14T09:00:00-06:00', 'MINECO')).receivedOn).toBe('2026-10-14');

      const list = await env.http.get('/api/v1/calendar/non-business-days?year=2026').expect(200);
      expect(list.body.filter((d: { kind: string }) => d.kind === 'declared')).toEqual([
        { date: '2026-10-09', name: 'Asueto por Acuerdo Gubernativo (prueba)', kind: 'declared' },
      ]);
      const forMinfin = await env.http.get('/api/v1/calendar/non-business-days?year=2026&subject=MINFIN').expect(200);
      expect(forMinfin.body.filter((d: { kind: string }) => d.kind === 'declared').map((d: { date: string }) => d.date)).toEqual([
        '2026-10-09',
        '2026-10-14',
      ]);
      expect(await declaredCount()).toBe(2);
    });

    it('answers a duplicate with 409 and writes nothing', async () => {
      const count = await declaredCount();
      const before = await revision();
      const global = await declare({ date: '2026-10-09', name: 'Otra vez el mismo día' }).expect(409);
      expect(global.body).toMatchObject({ statusCode: 409, error: 'CONFLICT', details: [] });
      await declare({ date: '2026-10-14', name: 'Otra vez MINFIN', subjectCode: 'MINFIN' }).expect(409);
      expect(await declaredCount()).toBe(count);
      expect(await revision()).toBe(before);
      // The same date for another scope is a different declaration.
      await declare({ date: '2026-10-14', name: 'Cierre de oficinas del MINECO', subjectCode: 'MINECO' }).expect(201);
      expect(await declaredCount()).toBe(count + 1);
    });
  });

  describe('DELETE /calendar/non-business-days/{date}', () => {
    // Relative to today in Guatemala: today has begun (it stays), tomorrow is the first day that may be removed.
    const today = localDateOf(new Date());
    const tomorrow = addDays(today, 1);
    const remove = (date: string, query = '', token: string | null = adminToken) => {
      const req = env.http.delete(`/api/v1/calendar/non-business-days/${date}${query}`);
      return token === null ? req : req.set('Authorization', `Bearer ${token}`);
    };
    const declaredOn = async (date: string): Promise<(string | null)[]> =>
      (await env.db.query(`SELECT subject_code FROM non_business_days WHERE date = $1 ORDER BY subject_code NULLS FIRST`, [date])).map(
        (r: { subject_code: string | null }) => r.subject_code,
      );
    const removals = async (): Promise<{ targetId: string; data: Record<string, unknown> }[]> =>
      (await env.http.get('/api/v1/audit-events?action=calendar.non_business_day_removed').set('Authorization', `Bearer ${adminToken}`).expect(200)).body.items;

    beforeAll(async () => {
      await declare({ date: today, name: 'Asueto de hoy (prueba)' }).expect(201);
      await declare({ date: tomorrow, name: 'Asueto de mañana (prueba)' }).expect(201);
      await declare({ date: tomorrow, name: 'Cierre del MINFIN mañana (prueba)', subjectCode: 'MINFIN' }).expect(201);
    });
    // Today's stays declared (that is the rule); out of the way of the suites' other dates.
    afterAll(() => env.db.query(`DELETE FROM non_business_days WHERE date = $1`, [today]));

    it('requires an admin token, a real date and a declared day; refusals remove nothing', async () => {
      await remove(tomorrow, '', null).expect(401);
      await remove(tomorrow, '', 'not-a-token').expect(401);
      await remove(tomorrow, '', officerToken).expect(403);
      for (const date of ['2026-02-30', '26-11-02', 'mañana', '1999-12-31']) {
        const res = await remove(encodeURIComponent(date)).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect(fields(res.body)).toEqual(['date']);
      }
      expect(fields((await remove(tomorrow, `?subject=${'X'.repeat(41)}`).expect(400)).body)).toEqual(['subject']);
      // A day declared for no one, or for another scope than the one named.
      const missing = await remove(addDays(tomorrow, 1)).expect(404);
      expect(missing.body.message).toBe(`El ${addDays(tomorrow, 1)} no está declarado inhábil para todos.`);
      expect((await remove(tomorrow, '?subject=MINECO').expect(404)).body.message).toBe(`El ${tomorrow} no está declarado inhábil para MINECO.`);
      // A day that has begun already counted in the terms.
      const begun = await remove(today).expect(409);
      expect(begun.body.error).toBe('CONFLICT');
      expect(begun.body.message).toContain('ya llegó o pasó');
      expect(await declaredOn(today)).toEqual([null]);
      expect(await declaredOn(tomorrow)).toEqual([null, 'MINFIN']);
      expect(await removals()).toEqual([]);
    });

    it("removes a future day's declaration for the scope named, with its audit entry and a recomputation of the terms", async () => {
      const before = await revision();
      await remove(tomorrow, '?subject=minfin').expect(204);
      expect(await declaredOn(tomorrow)).toEqual([null]);
      await remove(tomorrow).expect(204);
      expect(await declaredOn(tomorrow)).toEqual([]);
      expect(BigInt(await revision())).toBeGreaterThan(BigInt(before));
      // Gone from the public calendar too, and a second removal finds nothing.
      const listed = await env.http.get(`/api/v1/calendar/non-business-days?year=${tomorrow.slice(0, 4)}&subject=MINFIN`).expect(200);
      expect(listed.body.filter((d: { date: string; kind: string }) => d.date === tomorrow && d.kind === 'declared')).toEqual([]);
      await remove(tomorrow).expect(404);

      const audit = await removals();
      expect(audit.map((e) => e.data)).toEqual([
        { date: tomorrow, name: 'Asueto de mañana (prueba)', subjectCode: null },
        { date: tomorrow, name: 'Cierre del MINFIN mañana (prueba)', subjectCode: 'MINFIN' },
      ]);
      // The open cases' terms are recomputed through the outbox, as when a day is declared.
      const jobs = await env.db.query(`SELECT payload FROM outbox WHERE job_id = ANY($1::text[]) ORDER BY id`, [
        audit.map((e) => `recompute-terms-removed-${e.targetId}`),
      ]);
      expect(jobs.map((j: { payload: unknown }) => j.payload)).toEqual([
        { date: tomorrow, subjectCode: 'MINFIN' },
        { date: tomorrow, subjectCode: null },
      ]);
    });
  });

  describe('PATCH /calendar/subjects/{code}', () => {
    afterAll(async () => {
      await env.db.query(`UPDATE subjects SET works_saturdays = false, closing_time = NULL WHERE code IN ('SAT', 'MUNI-0101', 'SEGEPLAN')`);
    });

    it('requires an admin token and valid settings', async () => {
      await env.http.patch('/api/v1/calendar/subjects/SAT').send({ worksSaturdays: true }).expect(401);
      await patchSettings('SAT', { worksSaturdays: true }, officerToken).expect(403);
      for (const [body, field] of [
        [{ worksSaturdays: 'yes' }, 'worksSaturdays'],
        [{ worksSaturdays: null }, 'worksSaturdays'],
        [{ closingTime: '25:00' }, 'closingTime'],
        [{ closingTime: '9:00' }, 'closingTime'],
        [{ closingTime: 16 }, 'closingTime'],
        [{ openingTime: '08:00' }, 'openingTime'],
      ] as [object, string][]) {
        const res = await patchSettings('SAT', body).expect(400);
        expect(fields(res.body)).toContain(field);
      }
      await patchSettings('NOPE', { worksSaturdays: true }).expect(404);
      const settings = await env.http.get('/api/v1/calendar/subjects/SAT').expect(200);
      expect(settings.body).toEqual({ subjectCode: 'SAT', worksSaturdays: false, closingTime: null, effectiveClosingTime: '16:00' });
    });

    it('makes Saturdays días hábiles for a body that works them', async () => {
      const res = await patchSettings('SAT', { worksSaturdays: true }).expect(200);
      expect(res.body).toEqual({ subjectCode: 'SAT', worksSaturdays: true, closingTime: null, effectiveClosingTime: '16:00' });
      // Received Thu 13 Aug 2026: 14 (1), Sat 15 (2), 17 … 21 (3-7), Sat 22 (8), 24 (9), 25 Aug (10);
      // extension 26, 27, 28, 29, 31 Aug, 1 … 5 Sep (10).
      expect(await deadline('2026-08-13T09:00:00-06:00', 'SAT')).toEqual({
        receivedOn: '2026-08-13',
        dueDate: '2026-08-25',
        extendedDueDate: '2026-09-05',
      });
      // A Saturday request counts that day for SAT, from Monday for MINFIN; Sábado Santo stays a holiday.
      expect((await deadline('2026-08-22T10:00:00-06:00', 'SAT')).receivedOn).toBe('2026-08-22');
      expect((await deadline('2026-08-22T10:00:00-06:00', 'MINFIN')).receivedOn).toBe('2026-08-24');
      expect((await deadline('2026-04-04T10:00:00-06:00', 'SAT')).receivedOn).toBe('2026-04-06');

      // Guatemala City working Saturdays still keeps Sat 15 Aug 2026 as its fiesta:
      // 14 (1), 17 … 21 (2-6), Sat 22 (7), 24, 25, 26 Aug (10); extension 27, 28, 29, 31 Aug, 1 … 5, 7 Sep (10).
      await patchSettings('MUNI-0101', { worksSaturdays: true }).expect(200);
      expect(await deadline('2026-08-13T09:00:00-06:00', 'MUNI-0101')).toEqual({
        receivedOn: '2026-08-13',
        dueDate: '2026-08-26',
        extendedDueDate: '2026-09-07',
      });
    });

    it('applies a closing time of its own, and null restores the default', async () => {
      // 04:30Z on 31 Mar is 22:30 on Mon 30 Mar in Guatemala.
      expect((await deadline('2026-03-31T04:30:00Z', 'SEGEPLAN')).receivedOn).toBe('2026-03-31');
      const late = await patchSettings('SEGEPLAN', { closingTime: '23:00' }).expect(200);
      expect(late.body).toEqual({ subjectCode: 'SEGEPLAN', worksSaturdays: false, closingTime: '23:00', effectiveClosingTime: '23:00' });
      expect(await deadline('2026-03-31T04:30:00Z', 'SEGEPLAN')).toEqual({
        receivedOn: '2026-03-30',
        dueDate: '2026-04-15',
        extendedDueDate: '2026-04-29',
      });
      await patchSettings('SEGEPLAN', { closingTime: '15:00' }).expect(200);
      expect((await deadline('2026-03-30T15:30:00-06:00', 'SEGEPLAN')).receivedOn).toBe('2026-03-31');
      const reset = await patchSettings('SEGEPLAN', { closingTime: null }).expect(200);
      expect(reset.body).toMatchObject({ closingTime: null, effectiveClosingTime: '16:00' });
      expect((await deadline('2026-03-30T15:30:00-06:00', 'SEGEPLAN')).receivedOn).toBe('2026-03-30');
      // An empty patch changes nothing.
      await patchSettings('SEGEPLAN', {}).expect(200);
    });
  });

  it('documents the calendar endpoints in OpenAPI', async () => {
    const res = await env.http.get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    expect(Object.keys(paths['/api/v1/calendar/deadline'])).toEqual(['get']);
    expect(Object.keys(paths['/api/v1/calendar/non-business-days']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/calendar/non-business-days/{date}'])).toEqual(['delete']);
    expect(paths['/api/v1/calendar/non-business-days/{date}'].delete.security).toBeDefined();
    expect(Object.keys(paths['/api/v1/calendar/subjects/{code}']).sort()).toEqual(['get', 'patch']);
    expect(paths['/api/v1/calendar/non-business-days'].post.security).toBeDefined();
    expect(paths['/api/v1/calendar/subjects/{code}'].patch.security).toBeDefined();
  });
});
