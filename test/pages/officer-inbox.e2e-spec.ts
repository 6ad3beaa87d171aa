import { Clock } from '@ventanilla/config';
import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import TestAgent from 'supertest/lib/agent';
import { tokenFor } from '../auth/auth-helpers';
import { daysAgo, registrationBody, staffPost } from '../workflow/workflow-helpers';
import { createStaffAccount, StaffAccount, staffAgent } from './staff-pages';

const SUBJECT = 'MUNI-0407';
const OTHER = 'MUNI-0408';

/** The inbox's items in order: each one's folio and its visible text. */
function inboxItems(html: string): { id: string; folio: string; text: string }[] {
  return [...html.matchAll(/<li id="caso-([0-9a-f-]{36})">([\s\S]*?)<\/li>/g)].map((m) => ({
    id: m[1],
    folio: /class="inbox-folio">([^<]+)</.exec(m[2])![1],
    text: m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
  }));
}

describe('the officer\'s inbox /personal/bandeja (e2e)', () => {
  let env: TestEnvironment;
  let officer: TestAgent;
  let officerToken: string;
  let account: StaffAccount;
  const filed: Record<string, { folio: string; caseId: string }> = {};

  async function fileTo(subject: string, description: string): Promise<{ folio: string; caseId: string }> {
    const res = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ subjects: [subject], description, requester: { name: 'Ana López', email: uniqueEmail('bandeja') } }))
      .expect(201);
    return { folio: res.body.folio, caseId: res.body.cases[0].id };
  }

  async function register(channel: string, days: number, description: string): Promise<{ folio: string; caseId: string }> {
    const res = await staffPost(env, officerToken, '/cases', registrationBody({ channel, receivedAt: daysAgo(days), description, requester: { name: 'Juan Pérez' } })).expect(201);
    return { folio: res.body.folio, caseId: res.body.cases[0].id };
  }

  beforeAll(async () => {
    env = await startTestEnvironment();
    account = await createStaffAccount(env, 'uip_officer', SUBJECT);
    officer = await staffAgent(env, account);
    officerToken = await tokenFor(env, account.email, account.password);
    filed.old = await register('in_person', 40, 'Listado de obras municipales ejecutadas en la aldea Chuinimachicaj');
    filed.phone = await register('phone', 2, 'Actas del concejo municipal sobre el mercado');
    filed.web = await fileTo(SUBJECT, 'Presupuesto de la feria titular, con sus facturas');
    filed.elsewhere = await fileTo(OTHER, 'Presupuesto de la feria titular de otro municipio');
  });
  afterAll(() => env?.stop());

  it('lists the subject\'s open cases, the most urgent term first, with the marks of each term', async () => {
    const res = await officer.get('/personal/bandeja').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = inboxItems(res.text);
    expect(items.map((i) => i.id)).toEqual([filed.old.caseId, filed.phone.caseId, filed.web.caseId]);
    expect(res.text).toContain('Casos abiertos: 3');
    // Registered 40 days back: past its term, and past the extension too.
    expect(items[0].text).toContain('Vencido');
    expect(items[0].text).not.toContain('Prórroga posible');
    expect(items[0].text).toContain('en persona');
    // New: días hábiles left, and the extension open until the original due date.
    const view = (await env.http.get(`/api/v1/requests/${filed.web.folio}`).expect(200)).body.cases[0];
    const [y, m, d] = (view.dueDate as string).split('-').map(Number);
    const months = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
    expect(items[2].text).toMatch(/Quedan (9|10) días hábiles/);
    expect(items[2].text).toContain(`Prórroga posible hasta el ${d} de ${months[m - 1]} de ${y}`);
    expect(items[2].text).toContain(`Vence el ${d} de ${months[m - 1]} de ${y}`);
    expect(items[1].text).toContain('por teléfono');
    // Another body's case is not there.
    expect(res.text).not.toContain(filed.elsewhere.folio);
  });

  it('marks "vence hoy" on the last day of the term', async () => {
    const view = (await env.http.get(`/api/v1/requests/${filed.web.folio}`).expect(200)).body.cases[0];
    const clock = env.api.get(Clock);
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date(`${view.dueDate}T10:00:00-06:00`));
    try {
      // Two weeks on, the earlier session has long gone idle: a new sign-in.
      const later = await staffAgent(env, account);
      const items = inboxItems((await later.get('/personal/bandeja').expect(200)).text);
      expect(items.find((i) => i.id === filed.web.caseId)!.text).toContain('Vence hoy');
    } finally {
      now.mockRestore();
    }
  });

  it.each([
    ['canal=phone', ['phone']],
    ['canal=web', ['web']],
    ['vencidos=1', ['old']],
    ['q=CHUINIMACHICAJ', ['old']],
    ['q=feria%20titular', ['web']],
    ['q=f%C3%A9ria', ['web']],
    ['estado=extended', []],
    ['estado=received&canal=in_person', ['old']],
    ['q=100%25', []],
  ])('filters by %s', async (query, expected) => {
    const res = await officer.get(`/personal/bandeja?${query}`).expect(200);
    expect(inboxItems(res.text).map((i) => i.id)).toEqual(expected.map((k) => filed[k].caseId));
    if (expected.length === 0) expect(res.text).toContain('Ningún caso abierto cumple estos filtros.');
  });

  it('keeps the filters in the form and ignores values it does not know', async () => {
    const res = await officer.get('/personal/bandeja?estado=resolved&canal=fax&q=feria&pagina=-3').expect(200);
    expect(res.text).toContain('value="feria"');
    expect(inboxItems(res.text).map((i) => i.id)).toEqual([filed.web.caseId]);
  });

  it('pages by 20, keeping the filters in the links', async () => {
    for (let i = 0; i < 21; i += 1) await fileTo(SUBJECT, `Copia del contrato de alumbrado público número ${i + 1}`);
    const first = await officer.get('/personal/bandeja?q=alumbrado').expect(200);
    expect(inboxItems(first.text)).toHaveLength(20);
    expect(first.text).toContain('Casos abiertos: 21');
    expect(first.text).toContain('Página 1 de 2');
    expect(first.text).toContain('href="/personal/bandeja?q=alumbrado&amp;pagina=2"');
    const second = await officer.get('/personal/bandeja?q=alumbrado&pagina=2').expect(200);
    expect(inboxItems(second.text)).toHaveLength(1);
    expect(second.text).toContain('href="/personal/bandeja?q=alumbrado" rel="prev"');
    const beyond = await officer.get('/personal/bandeja?q=alumbrado&pagina=99').expect(200);
    expect(inboxItems(beyond.text)).toHaveLength(0);
  });

  it('the same filters answer on the API (GET /cases: open, channel, q)', async () => {
    const res = await env.http.get('/api/v1/cases?open=true&channel=phone&q=MERCADO').set('Authorization', `Bearer ${officerToken}`).expect(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([filed.phone.caseId]);
    await env.http.get('/api/v1/cases?channel=fax').set('Authorization', `Bearer ${officerToken}`).expect(400);
    await env.http.get(`/api/v1/cases?q=${'x'.repeat(201)}`).set('Authorization', `Bearer ${officerToken}`).expect(400);
  });
});
