import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';

interface Counts {
  requests: number;
  cases: number;
  events: number;
  /** Mail only: every case also schedules its deadline milestones through the outbox. */
  outbox: number;
}

describe('filing and looking up a request without an account (e2e)', () => {
  let env: TestEnvironment;
  const counts = async (): Promise<Counts> => {
    const [row] = await env.db.query(
      `SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM case_events)::int AS events, (SELECT count(*) FROM outbox WHERE queue = 'mail')::int AS outbox`,
    );
    return row as Counts;
  };

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    await env.db.query(`UPDATE subjects SET uip_email = 'uip@minfin.gob.gt' WHERE code = 'MINFIN'`);
  });
  afterAll(() => env?.stop());

  it('files to several bodies at once: one case each, with its terms, and mails the requester and the UIP', async () => {
    const email = uniqueEmail('ana');
    const before = await counts();
    const res = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ requester: { name: 'Ana López', email, phone: '+502 5555 0000' } }))
      .expect(201);
    const body = res.body;
    expect(body.folio).toMatch(/^VT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.folio.length).toBeLessThanOrEqual(24);
    expect(body.accessCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(new Date(body.filedAt).toISOString()).toBe(body.filedAt);
    expect(body.cases.map((c: { subject: { code: string } }) => c.subject.code)).toEqual(['MINFIN', 'MUNI-0407']);
    for (const c of body.cases) {
      expect(c).toMatchObject({
        folio: body.folio, status: 'received', channel: 'web', extendedDueDate: null, overdue: false,
        fictaDueDate: null, resolution: null, appeal: null, transferredTo: null, transferredFrom: null,
      });
      expect(c.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.dueDate > c.receivedOn).toBe(true);
      expect(c.events).toEqual([{ type: 'received', at: expect.any(String) }]);
      // The terms are those the public calendar endpoint gives for that instant.
      const deadline = await env.http
        .get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(c.receivedAt)}&subject=${c.subject.code}`)
        .expect(200);
      expect(deadline.body).toMatchObject({ receivedOn: c.receivedOn, dueDate: c.dueDate });
    }
    const after = await counts();
    expect(after.requests - before.requests).toBe(1);
    expect(after.cases - before.cases).toBe(2);
    expect(after.events - before.events).toBe(2);
    // One mail for the requester and one for MINFIN's UIP (Patzún has no UIP email in the catalog).
    expect(after.outbox - before.outbox).toBe(2);
    const [stored] = await env.db.query(`SELECT access_code_hash FROM requests WHERE folio = $1`, [body.folio]);
    expect(stored.access_code_hash).toMatch(/^hmac-sha256\$/);
    const [outbox] = await env.db.query(`SELECT string_agg(payload::text, ' ') AS p FROM outbox`);
    expect(outbox.p).not.toContain(body.accessCode);

    const [mail] = await env.smtp.waitFor(email);
    expect(mail.subject).toContain(body.folio);
    expect(mail.text).toContain(body.accessCode);
    expect(mail.text).toContain(body.cases[0].dueDate);
    expect(mail.html).toContain(body.folio);
    const [uipMail] = await env.smtp.waitFor('uip@minfin.gob.gt');
    expect(uipMail.subject).toContain(body.folio);
    expect(uipMail.text).toContain(body.cases[0].id);
    expect(uipMail.text).not.toContain(body.accessCode);
  });

  it('sees a body deactivated, renamed or added by anyone (another process, an import) from the very next filing', async () => {
    // The catalog is cached per revision: these writes go around the api, as another process's would.
    const code = `TEST-${Date.now().toString(36).toUpperCase()}`;
    const one = (subjects: string[]) => env.http.post('/api/v1/requests').send(filingBody({ subjects }));
    expect((await one([code]).expect(400)).body.details).toEqual([
      { field: 'subjects', message: `no existe un sujeto obligado activo con el código ${code}` },
    ]);
    await env.db.query(
      `INSERT INTO subjects (code, name, short_name, sector, active, works_saturdays) VALUES ($1, 'Entidad de prueba', 'Prueba', 'other', true, false)`,
      [code],
    );
    expect((await one([code]).expect(201)).body.cases[0].subject).toEqual({ code, name: 'Entidad de prueba' });
    await env.db.query(`UPDATE subjects SET name = 'Entidad renombrada' WHERE code = $1`, [code]);
    expect((await one([code]).expect(201)).body.cases[0].subject).toEqual({ code, name: 'Entidad renombrada' });
    await env.db.query(`UPDATE subjects SET active = false WHERE code = $1`, [code]);
    await one([code, 'MINFIN']).expect(400);
    await env.db.query(`UPDATE subjects SET active = true WHERE code = $1`, [code]);
    await one([code, 'MINFIN']).expect(201);
  });

  it('shows the public view without personal data, and the requester view with the access code', async () => {
    const email = uniqueEmail('priv');
    const filed = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ requester: { name: 'Rigoberta Xiloj', email, phone: '+502 4444 1234', address: 'Zona 1, Patzún' } }))
      .expect(201);
    const { folio, accessCode } = filed.body;

    const pub = await env.http.get(`/api/v1/requests/${folio}`).expect(200);
    expect(Object.keys(pub.body).sort()).toEqual(['cases', 'deliveryFormat', 'description', 'filedAt', 'folio']);
    const text = JSON.stringify(pub.body);
    for (const secret of ['Rigoberta', 'Xiloj', email, '4444 1234', 'Zona 1', accessCode]) expect(text).not.toContain(secret);

    // Typed by hand: lower case, spaces instead of dashes.
    const typed = folio.toLowerCase().replace(/-/g, ' ');
    const mine = await env.http.get(`/api/v1/requests/${encodeURIComponent(typed)}`).set('X-Access-Code', accessCode.toLowerCase()).expect(200);
    expect(mine.body.requester).toEqual({ name: 'Rigoberta Xiloj', email, phone: '+502 4444 1234', address: 'Zona 1, Patzún' });
    expect(mine.body.cases).toHaveLength(2);

    const wrong = await env.http.get(`/api/v1/requests/${folio}`).set('X-Access-Code', 'AAAAAAAAAAAA').expect(403);
    expect(wrong.body).toMatchObject({ statusCode: 403, error: 'ACCESS_CODE_INVALID' });
    await env.http.get('/api/v1/requests/VT-2026-0000-0000').expect(404);
    await env.http.get('/api/v1/requests/not-a-folio').expect(404);
  });

  it('lets the requester withdraw a case with the access code, once', async () => {
    const filed = await env.http.post('/api/v1/requests').send(filingBody()).expect(201);
    const { folio, accessCode, cases } = filed.body;
    const url = `/api/v1/requests/${folio}/cases/${cases[1].id}/withdrawal`;
    await env.http.post(url).send({}).expect(401);
    await env.http.post(url).set('X-Access-Code', 'AAAAAAAAAAAA').send({}).expect(403);
    const res = await env.http.post(url).set('X-Access-Code', accessCode).send({ reason: 'Ya la obtuve' }).expect(200);
    expect(res.body).toMatchObject({ id: cases[1].id, status: 'withdrawn' });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'withdrawn']);
    const again = await env.http.post(url).set('X-Access-Code', accessCode).send({}).expect(409);
    expect(again.body.error).toBe('INVALID_STATE');
    // The other case is untouched.
    const view = await env.http.get(`/api/v1/requests/${folio}`).expect(200);
    expect(view.body.cases.map((c: { status: string }) => c.status)).toEqual(['received', 'withdrawn']);
    // A clarification answer needs a clarification request first.
    const early = await env.http
      .post(`/api/v1/requests/${folio}/cases/${cases[0].id}/clarification`)
      .set('X-Access-Code', accessCode)
      .send({ text: 'Me refiero al presupuesto aprobado' })
      .expect(409);
    expect(early.body.error).toBe('INVALID_STATE');
    // A case of another folio is not found through this one.
    const other = await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['SAT'] })).expect(201);
    await env.http.post(`/api/v1/requests/${folio}/cases/${other.body.cases[0].id}/withdrawal`).set('X-Access-Code', accessCode).send({}).expect(404);
  });

  it('returns the first answer to a retry with the same Idempotency-Key and files nothing new', async () => {
    const body = filingBody({ subjects: ['SAT'] });
    const before = await counts();
    const first = await env.http.post('/api/v1/requests').set('Idempotency-Key', 'retry-key-1').send(body).expect(201);
    const second = await env.http.post('/api/v1/requests').set('Idempotency-Key', 'retry-key-1').send(body).expect(201);
    expect(second.body).toEqual(first.body);
    const after = await counts();
    expect(after.requests - before.requests).toBe(1);
    expect(after.cases - before.cases).toBe(1);
    const [row] = await env.db.query(`SELECT response::text AS r FROM idempotency_keys WHERE key = 'retry-key-1'`);
    expect(row.r).not.toContain(first.body.accessCode);

    const reused = await env.http.post('/api/v1/requests').set('Idempotency-Key', 'retry-key-1').send(filingBody({ subjects: ['MSPAS'] })).expect(422);
    expect(reused.body.error).toBe('IDEMPOTENCY_KEY_REUSED');

    // Two retries racing: one request.
    const racing = await Promise.all(
      [1, 2, 3].map(() => env.http.post('/api/v1/requests').set('Idempotency-Key', 'race-key').send(body)),
    );
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((r) => r.body.folio)).size).toBe(1);
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM requests WHERE folio = $1`, [racing[0].body.folio]);
    expect(n).toBe(1);
    expect((await counts()).requests - after.requests).toBe(1);
  });

  describe('refuses bad input with the contract error and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['no subjects', filingBody({ subjects: [] }), 'subjects'],
      ['subjects not a list', filingBody({ subjects: 'MINFIN' }), 'subjects'],
      ['21 subjects', filingBody({ subjects: Array.from({ length: 21 }, (_, i) => `MUNI-01${String(i + 1).padStart(2, '0')}`) }), 'subjects'],
      ['repeated subject', filingBody({ subjects: ['MINFIN', 'MINFIN'] }), 'subjects'],
      ['unknown subject', filingBody({ subjects: ['MINFIN', 'NOPE'] }), 'subjects'],
      ['subject not a string', filingBody({ subjects: [42] }), 'subjects'],
      ['missing description', filingBody({ description: undefined }), 'description'],
      ['short description', filingBody({ description: 'corta' }), 'description'],
      ['long description', filingBody({ description: 'x'.repeat(10001) }), 'description'],
      ['description not text', filingBody({ description: 12345678901 }), 'description'],
      ['missing requester', filingBody({ requester: undefined }), 'requester'],
      ['requester not an object', filingBody({ requester: 'Ana' }), 'requester'],
      ['missing name', filingBody({ requester: { email: 'a@example.org' } }), 'requester.name'],
      ['blank name', filingBody({ requester: { name: '   ' } }), 'requester.name'],
      ['bad email', filingBody({ requester: { name: 'Ana', email: 'ana-at-example' } }), 'requester.email'],
      ['bad phone', filingBody({ requester: { name: 'Ana', phone: 'llámame' } }), 'requester.phone'],
      ['long address', filingBody({ requester: { name: 'Ana', address: 'x'.repeat(2001) } }), 'requester.address'],
      ['unknown requester field', filingBody({ requester: { name: 'Ana', dpi: '1234' } }), 'requester.dpi'],
      ['missing delivery format', filingBody({ deliveryFormat: undefined }), 'deliveryFormat'],
      ['bad delivery format', filingBody({ deliveryFormat: 'fax' }), 'deliveryFormat'],
      ['bad language', filingBody({ language: 'Español' }), 'language'],
      ['unknown field', filingBody({ reason: 'curiosidad' }), 'reason'],
    ];

    it.each(cases)('%s', async (_label, body, field) => {
      const before = await counts();
      const res = await env.http.post('/api/v1/requests').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', message: expect.any(String) });
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON, a 3 MB body and a bad Idempotency-Key', async () => {
      const before = await counts();
      const malformed = await env.http.post('/api/v1/requests').set('Content-Type', 'application/json').send('{"subjects": [').expect(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
      const huge = await env.http
        .post('/api/v1/requests')
        .send(filingBody({ description: 'x'.repeat(3 * 1024 * 1024) }))
        .expect(413);
      expect(huge.body).toMatchObject({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE' });
      for (const raw of ['[]', '[{"subjects":["MINFIN"]}]', 'null', '42', '"texto"']) {
        const res = await env.http.post('/api/v1/requests').set('Content-Type', 'application/json').send(raw).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
      }
      const nul = await env.http.post('/api/v1/requests').send(filingBody({ description: 'Presupuesto \u0000 municipal de 2026' })).expect(400);
      expect(nul.body.error).toBe('VALIDATION_FAILED');
      const plain = await env.http.post('/api/v1/requests').set('Content-Type', 'text/plain').send('hola').expect(400);
      expect(plain.body.error).toBe('VALIDATION_FAILED');
      const english = await env.http.post('/api/v1/requests').set('Accept-Language', 'en').send(filingBody({ deliveryFormat: 'fax' })).expect(400);
      expect(english.body.message).toBe('The request has invalid data.');
      const badKey = await env.http.post('/api/v1/requests').set('Idempotency-Key', 'x'.repeat(201)).send(filingBody()).expect(400);
      expect(badKey.body.details[0].field).toBe('Idempotency-Key');
      expect(await counts()).toEqual(before);
    });
  });
});
