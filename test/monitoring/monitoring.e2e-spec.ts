import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { createSubjects, parseCsv, placeCase, PlacedCase, Secrets, today } from './monitoring-factory';

const ALFA = 'MON-ALFA'; // every outcome, in 2019
const BETA = 'MON-BETA'; // two cases in 2019, one on each side of it
const GAMA = 'MON-GAMA'; // nothing in 2019, three cases in 2020
const DEST = 'MON-DEST'; // receives ALFA's transfer
const HOY = 'MON-HOY'; // cases received today

const CASE_KEYS = [
  'id', 'folio', 'subject', 'status', 'channel', 'receivedAt', 'receivedOn', 'dueDate', 'extendedDueDate', 'overdue',
  'fictaDueDate', 'resolvedAt', 'resolution', 'transferredTo', 'transferredFrom', 'appeal', 'events', 'documents',
];
const OPEN_DATA_COLUMNS = [
  'id', 'folio', 'subjectCode', 'subjectName', 'sector', 'departmentCode', 'channel', 'deliveryFormat', 'receivedOn', 'dueDate',
  'extendedDueDate', 'status', 'overdue', 'resolutionType', 'resolvedOn', 'onTime', 'businessDaysTaken', 'transferredToSubject',
  'transferredFromSubject', 'appealStatus', 'appealGround', 'appealOutcome', 'documents', 'publicDocuments',
];
const zeroResolutions = {
  delivered: 0, partially_delivered: 0, denied_reserved: 0, denied_confidential: 0, denied_no_clarification: 0, nonexistent: 0,
};

describe('PDH monitoring: statistics, overdue cases, Art. 48 report and open data (e2e)', () => {
  let env: TestEnvironment;
  const a: Record<string, PlacedCase> = {};
  const b: Record<string, PlacedCase> = {};
  const hoy: Record<string, PlacedCase> = {};
  /** Every body a monitoring endpoint returned, for the final personal-data check. */
  const outputs: { url: string; text: string; showsFolios: boolean }[] = [];

  const get = async (url: string, status = 200, accept?: string) => {
    const req = env.http.get(url);
    if (accept) req.set('Accept', accept);
    const res = await req.expect(status);
    outputs.push({ url, text: res.text, showsFolios: url.startsWith('/api/v1/stats/overdue') || url.startsWith('/api/v1/open-data/') });
    return res;
  };

  beforeAll(async () => {
    env = await startTestEnvironment();
    await createSubjects(env, [
      { code: ALFA, name: 'Secretaría de Monitoreo Alfa', sector: 'other', departmentCode: '97' },
      { code: BETA, name: 'Municipalidad de Beta, Prueba', sector: 'municipal', departmentCode: '97' },
      { code: GAMA, name: 'Municipalidad de Gama', sector: 'municipal', departmentCode: '98' },
      { code: DEST, name: 'Ministerio Destino', sector: 'executive', departmentCode: null },
      { code: HOY, name: 'Instituto de Hoy', sector: 'autonomous', departmentCode: '96' },
    ]);
    a.delivered = await placeCase(env, ALFA, { receivedOn: '2019-02-04', status: 'resolved', resolution: { type: 'delivered', businessDays: 5 } });
    a.partial = await placeCase(env, ALFA, {
      receivedOn: '2019-02-11', status: 'resolved', resolution: { type: 'partially_delivered', businessDays: 8 }, deliveryFormat: 'simple_copy', channel: 'in_person',
    });
    a.reserved = await placeCase(env, ALFA, {
      receivedOn: '2019-02-18', status: 'resolved', resolution: { type: 'denied_reserved', businessDays: 12 }, deliveryFormat: 'certified_copy',
      appeal: { status: 'decided', outcome: 'confirmed' },
    });
    a.confidential = await placeCase(env, ALFA, {
      receivedOn: '2019-02-25', status: 'resolved', extended: true, resolution: { type: 'denied_confidential', businessDays: 15 },
    });
    a.noClarification = await placeCase(env, ALFA, {
      receivedOn: '2019-03-04', status: 'resolved', resolution: { type: 'denied_no_clarification', businessDays: 10 }, channel: 'email',
    });
    a.nonexistent = await placeCase(env, ALFA, {
      receivedOn: '2019-03-11', status: 'resolved', extended: true, resolution: { type: 'nonexistent', businessDays: 22 },
      deliveryFormat: 'direct_consultation', appeal: { status: 'filed' },
    });
    a.transferred = await placeCase(env, ALFA, {
      receivedOn: '2019-03-18', status: 'transferred', transfer: { to: DEST, afterBusinessDays: 2, resolution: { type: 'delivered', businessDays: 3 } },
    });
    a.withdrawn = await placeCase(env, ALFA, { receivedOn: '2019-03-25', status: 'withdrawn' });
    a.open = await placeCase(env, ALFA, { receivedOn: '2019-04-01', status: 'received', appeal: { status: 'filed' } });
    a.extendedOpen = await placeCase(env, ALFA, { receivedOn: '2019-04-08', status: 'extended', extended: true });
    a.clarification = await placeCase(env, ALFA, { receivedOn: '2019-04-29', status: 'clarification_requested' });

    b.first = await placeCase(env, BETA, { receivedOn: '2019-01-02', status: 'resolved', resolution: { type: 'delivered', businessDays: 2 } });
    b.last = await placeCase(env, BETA, { receivedOn: '2019-12-30', status: 'resolved', resolution: { type: 'delivered', businessDays: 4 } });
    b.before = await placeCase(env, BETA, { receivedOn: '2018-12-28', status: 'resolved', resolution: { type: 'delivered', businessDays: 1 } });
    b.after = await placeCase(env, BETA, { receivedOn: '2020-01-02', status: 'received' });
    await placeCase(env, GAMA, { receivedOn: '2020-02-03', status: 'resolved', resolution: { type: 'delivered', businessDays: 1 } });
    await placeCase(env, GAMA, { receivedOn: '2020-02-04', status: 'resolved', resolution: { type: 'nonexistent', businessDays: 6 } });
    await placeCase(env, GAMA, { receivedOn: '2020-02-05', status: 'withdrawn' });

    hoy.open = await placeCase(env, HOY, { receivedOn: today(), status: 'received' });
    hoy.resolved = await placeCase(env, HOY, { receivedOn: today(), status: 'resolved', resolution: { type: 'delivered', businessDays: 0 } });
  });
  afterAll(() => env?.stop());

  describe('GET /stats/subjects', () => {
    it('gives every figure per subject for the cases received in the period, one item per subject with cases', async () => {
      const res = await get('/api/v1/stats/subjects?from=2019-01-01&to=2019-12-31');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers.etag).toBeDefined();
      expect(res.body.from).toBe('2019-01-01');
      expect(res.body.to).toBe('2019-12-31');
      expect(res.body.items).toEqual([
        {
          subject: { code: ALFA, name: 'Secretaría de Monitoreo Alfa' },
          received: 11, resolved: 6, resolvedOnTime: 4, resolvedLate: 2, open: 3, overdue: 3, extended: 3, transferred: 1, appeals: 3,
          // Business days of the resolved: 5, 8, 10, 12, 15, 22.
          medianBusinessDays: 11, p90BusinessDays: 18.5,
          byResolution: { delivered: 1, partially_delivered: 1, denied_reserved: 1, denied_confidential: 1, denied_no_clarification: 1, nonexistent: 1 },
          // No officer and no UIP mailbox: nobody hears of its cases.
          reachable: false,
        },
        {
          subject: { code: BETA, name: 'Municipalidad de Beta, Prueba' },
          received: 2, resolved: 2, resolvedOnTime: 2, resolvedLate: 0, open: 0, overdue: 0, extended: 0, transferred: 0, appeals: 0,
          medianBusinessDays: 3, p90BusinessDays: 3.8, byResolution: { ...zeroResolutions, delivered: 2 }, reachable: false,
        },
        {
          subject: { code: DEST, name: 'Ministerio Destino' },
          received: 1, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, open: 0, overdue: 0, extended: 0, transferred: 0, appeals: 0,
          medianBusinessDays: 3, p90BusinessDays: 3, byResolution: { ...zeroResolutions, delivered: 1 }, reachable: false,
        },
      ]);
      // Conditional GET: the same figures are not sent twice.
      await env.http.get('/api/v1/stats/subjects?from=2019-01-01&to=2019-12-31').set('If-None-Match', res.headers.etag).expect(304);
    });

    it('filters by sector and department, sorts by received, and counts the period’s bounds in', async () => {
      const codes = async (query: string) => (await get(`/api/v1/stats/subjects?${query}`)).body.items.map((i: { subject: { code: string } }) => i.subject.code);
      const year = 'from=2019-01-01&to=2019-12-31';
      expect(await codes(`${year}&sector=municipal`)).toEqual([BETA]);
      expect(await codes(`${year}&departmentCode=97`)).toEqual([ALFA, BETA]);
      expect(await codes(`${year}&departmentCode=98`)).toEqual([]);
      expect(await codes(`${year}&sector=executive`)).toEqual([DEST]);
      expect(await codes(`${year}&sector=municipal&departmentCode=98`)).toEqual([]);
      // 2020: one case at Beta, three at Gama.
      expect(await codes('from=2020-01-01&to=2020-12-31&sort=received')).toEqual([GAMA, BETA]);
      expect(await codes('from=2020-01-01&to=2020-12-31&sort=code')).toEqual([BETA, GAMA]);
      expect(await codes('from=2020-01-01&to=2020-12-31')).toEqual([BETA, GAMA]);
      const received = async (query: string) => (await get(`/api/v1/stats/subjects?${query}&sector=municipal`)).body.items[0]?.received ?? 0;
      expect(await received('from=2019-01-02&to=2019-12-30')).toBe(2);
      expect(await received('from=2019-01-03&to=2019-12-30')).toBe(1);
      expect(await received('from=2018-12-28&to=2020-01-02')).toBe(4);
      // Only one bound: the rest of that year.
      expect(await received('from=2019-06-01')).toBe(1);
      expect(await received('to=2019-06-30')).toBe(1);
      expect((await get('/api/v1/stats/subjects?from=2001-01-01&to=2001-12-31')).body.items).toEqual([]);
    });

    it('defaults to the current year, where an open case within its term is open and not overdue', async () => {
      const res = await get('/api/v1/stats/subjects?sector=autonomous');
      const year = today().slice(0, 4);
      expect(res.body).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
      const item = res.body.items.find((i: { subject: { code: string } }) => i.subject.code === HOY);
      expect(item).toEqual({
        subject: { code: HOY, name: 'Instituto de Hoy' },
        received: 2, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, open: 1, overdue: 0, extended: 0, transferred: 0, appeals: 0,
        medianBusinessDays: 0, p90BusinessDays: 0, byResolution: { ...zeroResolutions, delivered: 1 }, reachable: false,
      });
    });

    it('rejects bad periods, filters and unknown fields with 400 and details', async () => {
      const details = async (query: string) => {
        const res = await get(`/api/v1/stats/subjects?${query}`, 400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
        return res.body.details as { field: string; message: string }[];
      };
      expect(await details('from=2019-02-30')).toEqual([{ field: 'from', message: 'debe ser una fecha ISO-8601' }]);
      expect(await details('from=2019-05-01&to=2019-04-30')).toEqual([{ field: 'to', message: 'debe ser igual o posterior a from' }]);
      expect(await details('from=2010-01-01&to=2020-01-01')).toEqual([{ field: 'to', message: 'el período no puede abarcar más de 10 años' }]);
      await get('/api/v1/stats/subjects?from=2010-01-01&to=2019-12-31');
      expect(await details('sector=ministry')).toEqual([{ field: 'sector', message: expect.stringContaining('debe ser uno de') }]);
      expect((await details('departmentCode=4'))[0].field).toBe('departmentCode');
      expect((await details('sort=name'))[0].field).toBe('sort');
      expect(await details('year=2019')).toEqual([{ field: 'year', message: 'campo no permitido' }]);
      const en = await env.http.get('/api/v1/stats/subjects?from=nope').set('Accept-Language', 'en').expect(400);
      expect(en.body.details).toEqual([{ field: 'from', message: 'must be an ISO-8601 date' }]);
    });
  });

  describe('GET /stats/overdue', () => {
    it('lists open cases past their term in the public view, oldest term first', async () => {
      const res = await get(`/api/v1/stats/overdue?subject=${ALFA.toLowerCase()}`);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.body).toMatchObject({ total: 3, limit: 100, offset: 0 });
      const expected = [a.open, a.extendedOpen, a.clarification].sort((x, y) => x.termDueDate.localeCompare(y.termDueDate));
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(expected.map((c) => c.id));
      for (const item of res.body.items) {
        expect(Object.keys(item)).toEqual(expect.arrayContaining(CASE_KEYS));
        expect(item).not.toHaveProperty('requester');
        expect(item).not.toHaveProperty('description');
        const placed = expected.find((c) => c.id === item.id)!;
        expect(item).toMatchObject({
          subject: { code: ALFA, name: 'Secretaría de Monitoreo Alfa' }, overdue: true, receivedOn: placed.receivedOn,
          dueDate: placed.dueDate, extendedDueDate: placed.extendedDueDate, resolution: null,
        });
        expect(item.fictaDueDate).toEqual(expect.any(String));
      }
      expect(res.body.items.find((i: { id: string }) => i.id === a.open.id).appeal).toMatchObject({ status: 'filed', outcome: null });
    });

    it('covers every subject without a filter, paginates, and 404s an unknown subject', async () => {
      const all = await get('/api/v1/stats/overdue');
      expect(all.body.total).toBe(4);
      expect(all.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.open.id, a.extendedOpen.id, a.clarification.id, b.after.id].sort());
      const terms = all.body.items.map((i: { dueDate: string; extendedDueDate: string | null }) => i.extendedDueDate ?? i.dueDate);
      expect(terms).toEqual([...terms].sort());
      expect(all.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);

      const page1 = await get('/api/v1/stats/overdue?limit=3');
      const page2 = await get('/api/v1/stats/overdue?limit=3&offset=3');
      expect(page1.body.items).toHaveLength(3);
      expect(page2.body.items).toHaveLength(1);
      expect([...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id)).toEqual(all.body.items.map((i: { id: string }) => i.id));

      expect((await get(`/api/v1/stats/overdue?subject=${HOY}`)).body).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
      expect((await get('/api/v1/stats/overdue?subject=NO-EXISTE', 404)).body.error).toBe('NOT_FOUND');
      for (const query of ['limit=0', 'limit=501', 'offset=-1', 'limit=abc', 'status=received']) {
        const res = await get(`/api/v1/stats/overdue?${query}`, 400);
        expect(res.body.details.length).toBeGreaterThan(0);
      }
    });
  });

  describe('GET /reports/annual', () => {
    const expectedReport = () => ({
      subject: { code: ALFA, name: 'Secretaría de Monitoreo Alfa', sector: 'other', departmentCode: '97', department: 'Departamento 97' },
      year: 2019,
      from: '2019-01-01',
      to: '2019-12-31',
      asOf: today(),
      requests: {
        total: 11,
        byDeliveryFormat: { electronic: 8, simple_copy: 1, certified_copy: 1, direct_consultation: 1 },
        byChannel: { web: 9, in_person: 1, phone: 0, mail: 0, email: 1 },
        byLanguage: { es: 11 },
      },
      results: {
        delivered: 1, partially_delivered: 1, denied_reserved: 1, denied_confidential: 1, denied_no_clarification: 1, nonexistent: 1,
        transferred: 1, withdrawn: 1, open: 3,
      },
      responseTimes: { resolved: 6, onTime: 4, late: 2, medianBusinessDays: 11, p90BusinessDays: 18.5, meanBusinessDays: 12 },
      pending: { total: 3, overdue: 3, awaitingClarification: 1 },
      extended: { total: 3 },
      rejected: { total: 3, denied_reserved: 1, denied_confidential: 1, denied_no_clarification: 1 },
      reservedOrConfidential: { total: 2, reserved: 1, confidential: 1 },
      appeals: {
        total: 3, pending: 2, decided: 1, byOutcome: { confirmed: 1, revoked: 0, modified: 0 },
        byGround: { denied: 2, nonexistent: 0, incomplete: 0, personal_data: 0, no_answer: 1, delivery_expired: 0, other: 0 },
      },
    });

    it('gives the eight items of Art. 48 as JSON', async () => {
      const res = await get(`/api/v1/reports/annual?subject=${ALFA}&year=2019`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.body).toEqual(expectedReport());
      // The figures agree with the statistics for the same subject and year.
      const stats = (await get('/api/v1/stats/subjects?from=2019-01-01&to=2019-12-31')).body.items[0];
      expect(stats.received).toBe(res.body.requests.total);
      expect(stats.byResolution).toEqual(Object.fromEntries(Object.keys(zeroResolutions).map((k) => [k, res.body.results[k]])));
      // A body that only received a transfer reports it as its own request.
      const dest = (await get(`/api/v1/reports/annual?subject=${DEST}&year=2019`)).body;
      expect(dest.requests.total).toBe(1);
      expect(dest.results.delivered).toBe(1);
    });

    it('gives the same report as a CSV a UIP can hand in', async () => {
      const res = await get(`/api/v1/reports/annual?subject=${ALFA}&year=2019`, 200, 'text/csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="informe-art48-${ALFA}-2019.csv"`);
      expect(res.headers.vary).toMatch(/Accept/);
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(res.text.slice(1));
      expect(rows[0]).toEqual(['Numeral', 'Rubro', 'Medida', 'Valor']);
      expect(rows.every((r) => r.length === 4)).toBe(true);
      const value = (numeral: string, measure: string) => {
        const found = rows.filter((r) => r[0] === numeral && r[2] === measure);
        expect(found).toHaveLength(1);
        return found[0][3];
      };
      expect(value('', 'Código')).toBe(ALFA);
      expect(value('', 'Año')).toBe('2019');
      expect(value('1', 'Total de solicitudes recibidas')).toBe('11');
      expect(value('1', 'Modalidad de entrega: Copia certificada')).toBe('1');
      expect(value('1', 'Canal de recepción: Correo electrónico')).toBe('1');
      expect(value('2', 'Información entregada parcialmente')).toBe('1');
      expect(value('2', 'Trasladada al sujeto obligado competente (Art. 38)')).toBe('1');
      expect(value('2', 'Desistida por el solicitante')).toBe('1');
      expect(value('2', 'Pendiente de resolver')).toBe('3');
      expect(value('3', 'Resueltas dentro del plazo')).toBe('4');
      expect(value('3', 'Resueltas fuera del plazo')).toBe('2');
      expect(value('3', 'Mediana de días hábiles')).toBe('11');
      expect(value('3', 'Percentil 90 de días hábiles')).toBe('18.5');
      expect(value('3', 'Promedio de días hábiles')).toBe('12');
      expect(value('4', 'Total de solicitudes pendientes')).toBe('3');
      expect(value('4', 'Pendientes con el plazo vencido')).toBe('3');
      expect(value('5', 'Total de solicitudes prorrogadas (Art. 43)')).toBe('3');
      expect(value('6', 'Total de solicitudes rechazadas')).toBe('3');
      expect(value('7', 'Total')).toBe('2');
      expect(value('7', 'Información reservada')).toBe('1');
      expect(value('8', 'Total de recursos de revisión')).toBe('3');
      expect(value('8', 'Pendientes de resolver')).toBe('2');
      expect(value('8', 'Resolución: Confirmada')).toBe('1');
      const outcomes = rows.filter((r) => r[0] === '2');
      expect(outcomes.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(11);
      expect(new Set(rows.slice(1).map((r) => r[0]).filter(Boolean))).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8']));

      // format=csv does the same for links that cannot send Accept; JSON stays the default.
      const viaQuery = await get(`/api/v1/reports/annual?subject=${ALFA}&year=2019&format=csv`);
      expect(viaQuery.text).toBe(res.text);
      const json = await get(`/api/v1/reports/annual?subject=${ALFA}&year=2019`, 200, 'application/json, text/csv;q=0.5');
      expect(json.body.year).toBe(2019);
    });

    it('defaults to last year, reports empty years with zeros, and rejects bad input', async () => {
      const year = Number(today().slice(0, 4));
      const last = await get(`/api/v1/reports/annual?subject=${GAMA}`);
      expect(last.body).toMatchObject({ year: year - 1, from: `${year - 1}-01-01`, requests: { total: 0 } });
      expect(last.body.responseTimes).toEqual({ resolved: 0, onTime: 0, late: 0, medianBusinessDays: null, p90BusinessDays: null, meanBusinessDays: null });
      const empty = await get(`/api/v1/reports/annual?subject=${GAMA}&year=2019&format=csv`);
      expect(parseCsv(empty.text.slice(1)).find((r) => r[2] === 'Mediana de días hábiles')).toEqual(['3', 'Tiempos de respuesta', 'Mediana de días hábiles', '']);
      await get(`/api/v1/reports/annual?subject=${HOY}&year=${year}`);

      expect((await get('/api/v1/reports/annual?subject=NO-EXISTE&year=2019', 404)).body.error).toBe('NOT_FOUND');
      for (const [query, field] of [
        [`subject=${ALFA}&year=abc`, 'year'],
        [`subject=${ALFA}&year=2019.5`, 'year'],
        [`subject=${ALFA}&year=2007`, 'year'],
        [`subject=${ALFA}&year=${year + 1}`, 'year'],
        ['year=2019', 'subject'],
        [`subject=${ALFA}&year=2019&format=pdf`, 'format'],
        [`subject=${ALFA}&year=2019&from=2019-01-01`, 'from'],
      ]) {
        const res = await get(`/api/v1/reports/annual?${query}`, 400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });
  });

  describe('GET /open-data/cases', () => {
    const rowFor = (rows: Record<string, string>[], c: PlacedCase) => rows.find((r) => r.id === c.id)!;

    it('streams every case of the period as anonymized CSV', async () => {
      const res = await get('/api/v1/open-data/cases?from=2019-01-01&to=2019-12-31');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="casos-2019-01-01-2019-12-31.csv"');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const [header, ...lines] = parseCsv(res.text);
      expect(header).toEqual(OPEN_DATA_COLUMNS);
      const rows = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
      expect(rows).toHaveLength(14);
      const received = rows.map((r) => r.receivedOn);
      expect(received).toEqual([...received].sort());
      expect(rows[0].id).toBe(b.first.id);
      expect(rows[13].id).toBe(b.last.id);

      expect(rowFor(rows, a.confidential)).toEqual({
        id: a.confidential.id, folio: a.confidential.folio, subjectCode: ALFA, subjectName: 'Secretaría de Monitoreo Alfa', sector: 'other', departmentCode: '97',
        channel: 'web', deliveryFormat: 'electronic', receivedOn: '2019-02-25', dueDate: a.confidential.dueDate,
        extendedDueDate: a.confidential.extendedDueDate!, status: 'resolved', overdue: 'false', resolutionType: 'denied_confidential',
        resolvedOn: a.confidential.resolvedOn!, onTime: 'true', businessDaysTaken: '15', transferredToSubject: '',
        transferredFromSubject: '', appealStatus: '', appealGround: '', appealOutcome: '', documents: '0', publicDocuments: '0',
      });
      expect(rowFor(rows, a.reserved)).toMatchObject({ deliveryFormat: 'certified_copy', onTime: 'false', appealStatus: 'decided', appealOutcome: 'confirmed' });
      expect(rowFor(rows, a.partial)).toMatchObject({ channel: 'in_person', deliveryFormat: 'simple_copy' });
      expect(rowFor(rows, a.transferred)).toMatchObject({ status: 'transferred', transferredToSubject: DEST, resolutionType: '' });
      expect(rowFor(rows, a.transferred.transferredTo!)).toMatchObject({
        subjectCode: DEST, sector: 'executive', departmentCode: '', transferredFromSubject: ALFA, status: 'resolved', businessDaysTaken: '3',
      });
      expect(rowFor(rows, a.extendedOpen)).toMatchObject({ status: 'extended', overdue: 'true', resolvedOn: '', onTime: '' });
      expect(rowFor(rows, a.withdrawn)).toMatchObject({ status: 'withdrawn', overdue: 'false' });
      // Subject names with commas survive the quoting.
      expect(rowFor(rows, b.first).subjectName).toBe('Municipalidad de Beta, Prueba');
    });

    it('streams the same cases as a JSON array', async () => {
      const csv = await get('/api/v1/open-data/cases?from=2019-01-01&to=2019-12-31&format=csv');
      const res = await get('/api/v1/open-data/cases?from=2019-01-01&to=2019-12-31&format=json');
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="casos-2019-01-01-2019-12-31.json"');
      const items = JSON.parse(res.text) as Record<string, unknown>[];
      expect(items).toHaveLength(14);
      expect(Object.keys(items[0])).toEqual(OPEN_DATA_COLUMNS);
      // Same rows, same order; JSON keeps types (null, booleans, numbers).
      const [, ...lines] = parseCsv(csv.text);
      expect(items.map((i) => i.id)).toEqual(lines.map((l) => l[0]));
      expect(items.find((i) => i.id === a.nonexistent.id)).toMatchObject({
        extendedDueDate: a.nonexistent.extendedDueDate, onTime: false, businessDaysTaken: 22, overdue: false,
        appealStatus: 'filed', appealOutcome: null, transferredToSubject: null,
      });
      const empty = await get('/api/v1/open-data/cases?from=2001-01-01&to=2001-12-31&format=json');
      expect(JSON.parse(empty.text)).toEqual([]);
      const emptyCsv = await get('/api/v1/open-data/cases?from=2001-01-01&to=2001-12-31');
      expect(parseCsv(emptyCsv.text)).toEqual([OPEN_DATA_COLUMNS]);
    });

    it('defaults to the current year and csv', async () => {
      const res = await get('/api/v1/open-data/cases');
      const year = today().slice(0, 4);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="casos-${year}-01-01-${year}-12-31.csv"`);
      const [header, ...lines] = parseCsv(res.text);
      const ids = lines.map((l) => l[header.indexOf('id')]);
      expect(ids).toEqual(expect.arrayContaining([hoy.open.id, hoy.resolved.id]));
      expect(lines.find((l) => l[0] === hoy.open.id)![header.indexOf('overdue')]).toBe('false');
    });

    it('rejects bad formats and periods with 400 and details', async () => {
      for (const [query, field] of [
        ['format=xml', 'format'],
        ['from=2019-12-31&to=2019-01-01', 'to'],
        ['from=2000-01-01&to=2019-12-31', 'to'],
        ['from=20190101', 'from'],
        ['subject=MON-ALFA', 'subject'],
      ]) {
        const res = await get(`/api/v1/open-data/cases?${query}`, 400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });
  });

  it('documents the endpoints and their definitions in OpenAPI', async () => {
    const doc = (await env.http.get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/v1/stats/subjects', '/api/v1/stats/overdue', '/api/v1/reports/annual', '/api/v1/open-data/cases']) {
      expect(doc.paths[path]?.get).toBeDefined();
    }
    const stats = JSON.stringify(doc.paths['/api/v1/stats/subjects'].get);
    for (const term of ['received_on', 'overdue', 'percentil', 'sort']) expect(stats).toContain(term);
    expect(JSON.stringify(doc.paths['/api/v1/open-data/cases'].get)).toContain('con folio e id');
    expect(doc.paths['/api/v1/reports/annual'].get.responses['200'].content).toHaveProperty(['text/csv']);
  });

  it('never shows personal data: no requester identity, contact, access code, description or free text', () => {
    const placed = [...Object.values(a), a.transferred.transferredTo!, ...Object.values(b), ...Object.values(hoy)];
    const secrets: Secrets[] = placed.map((c) => c.secrets);
    expect(outputs.length).toBeGreaterThan(30);
    for (const { url, text, showsFolios } of outputs) {
      for (const s of secrets) {
        for (const value of [s.name, s.email, s.phone, s.address, s.accessCode, s.description, 'Xiomara', 'Quemé', 'Cantón Xesuj']) {
          if (text.includes(value)) throw new Error(`${url} muestra un dato personal: ${value}`);
        }
        // The overdue list is the contract's public Case and open data rows link to it (v1.1); nothing else publishes folios.
        if (!showsFolios && text.includes(s.folio)) throw new Error(`${url} muestra el folio ${s.folio}`);
      }
      expect(text).not.toMatch(/Resolución para|Recurso de|Entregado a/);
    }
  });
});
