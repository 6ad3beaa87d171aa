import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { createStaff, daysAgo, OWN, registrationBody, staffGet, staffPost, StaffTokens } from './workflow-helpers';

describe('officers register requests received at their UIP (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;
  const requests = async () => (await env.db.query(`SELECT count(*)::int AS n FROM requests`))[0].n as number;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
    tokens = await createStaff(env);
  });
  afterAll(() => env?.stop());

  it('files it for the officer’s subject with its channel and reception instant, and mails the access code', async () => {
    const email = uniqueEmail('presencial');
    const receivedAt = daysAgo(1);
    const res = await staffPost(env, tokens.officer, '/cases', registrationBody({ channel: 'phone', receivedAt, requester: { name: 'María Cux', email } })).expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['accessCode', 'cases', 'filedAt', 'folio']);
    expect(res.body.folio).toMatch(/^VT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(res.body.accessCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(res.body.cases).toHaveLength(1);
    const c = res.body.cases[0];
    expect(c).toMatchObject({ folio: res.body.folio, subject: { code: OWN }, status: 'received', channel: 'phone', transferredFrom: null });
    expect(c.receivedAt).toBe(new Date(receivedAt).toISOString());
    // The terms are the calendar's for that instant, not for the moment of registration.
    const deadline = await env.http.get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(receivedAt)}&subject=${OWN}`).expect(200);
    expect(c).toMatchObject({ receivedOn: deadline.body.receivedOn, dueDate: deadline.body.dueDate });

    const [row] = await env.db.query(
      `SELECT r.channel, r.registered_by, u.email AS officer, e.actor_kind, e.actor_id
       FROM requests r JOIN users u ON u.id = r.registered_by JOIN case_events e ON e.case_id = $2
       WHERE r.folio = $1`,
      [res.body.folio, c.id],
    );
    expect(row).toMatchObject({ channel: 'phone', actor_kind: 'staff', actor_id: row.registered_by });
    expect(row.officer).toMatch(/^uip_officer\.minfin\./);

    const [mail] = await env.smtp.waitFor(email);
    expect(mail.text).toContain(res.body.accessCode);
    expect(mail.text).toContain(res.body.folio);
    // The requester follows it like any other request.
    const mine = await env.http.get(`/api/v1/requests/${res.body.folio}`).set('X-Access-Code', res.body.accessCode).expect(200);
    expect(mine.body.requester).toMatchObject({ name: 'María Cux', email });
  });

  it('makes an old in-person request overdue at once, with its afirmativa ficta date', async () => {
    const res = await staffPost(env, tokens.officer, '/cases', registrationBody({ receivedAt: daysAgo(40) })).expect(201);
    const c = res.body.cases[0];
    expect(c).toMatchObject({ channel: 'in_person', status: 'received', overdue: true });
    expect(c.fictaDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.fictaDueDate > c.dueDate).toBe(true);
    const overdue = await staffGet(env, tokens.officer, '/cases?overdue=true').expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it.each([
    ['in the future', { receivedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'receivedAt', /posterior/],
    ['more than a year back', { receivedAt: daysAgo(367) }, 'receivedAt', /más de un año/],
    ['without an offset', { receivedAt: '2026-01-05T10:00:00' }, 'receivedAt', /zona horaria/],
    ['not a date', { receivedAt: 'ayer' }, 'receivedAt', /ISO-8601/],
    ['missing receivedAt', { receivedAt: undefined }, 'receivedAt', /obligatorio/],
    ['the web channel', { channel: 'web' }, 'channel', /in_person/],
    ['missing channel', { channel: undefined }, 'channel', /obligatorio/],
    ['subjects (the officer files for their own)', { subjects: ['MINECO'] }, 'subjects', /no permitido/],
    ['a short description', { description: 'corta' }, 'description', /entre 10/],
  ])('refuses a registration %s (400, nothing filed)', async (_label, overrides, field, message) => {
    const before = await requests();
    const res = await staffPost(env, tokens.officer, '/cases', registrationBody(overrides)).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    expect(await requests()).toBe(before);
  });

  it('honours Idempotency-Key per officer', async () => {
    const body = registrationBody({ receivedAt: daysAgo(2) });
    const first = await staffPost(env, tokens.officer, '/cases', body).set('Idempotency-Key', 'mostrador-1').expect(201);
    const before = await requests();
    const retry = await staffPost(env, tokens.officer, '/cases', body).set('Idempotency-Key', 'mostrador-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await requests()).toBe(before);
    // Another officer's key is their own, even when it is spelled the same.
    const other = await staffPost(env, tokens.otherOfficer, '/cases', body).set('Idempotency-Key', 'mostrador-1').expect(201);
    expect(other.body.folio).not.toBe(first.body.folio);
    expect(other.body.cases[0].subject.code).toBe('MINECO');
    const reused = await staffPost(env, tokens.officer, '/cases', registrationBody({ receivedAt: daysAgo(3) })).set('Idempotency-Key', 'mostrador-1').expect(422);
    expect(reused.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await staffPost(env, tokens.officer, '/cases', body).set('Idempotency-Key', 'x'.repeat(201)).expect(400);
    expect(bad.body.details[0].field).toBe('Idempotency-Key');
  });
});
