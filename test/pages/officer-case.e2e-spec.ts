import { Clock } from '@ventanilla/config';
import { filingBody, pdf, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import TestAgent from 'supertest/lib/agent';
import { tokenFor } from '../auth/auth-helpers';
import { caseState, daysAgo, registrationBody, staffPost } from '../workflow/workflow-helpers';
import { agentCsrf, createStaffAccount, csrfTokenOf, staffAgent } from './staff-pages';

const SUBJECT = 'MUNI-0407';
const OTHER = 'MINFIN';

/** Every file under a folder (the local documents driver's), to prove nothing was stored. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('the officer\'s case page /personal/casos/{id}: access, confirmations, refusals (e2e)', () => {
  let env: TestEnvironment;
  let dir: string;
  let officer: TestAgent;
  let officerToken: string;
  let otherOfficer: TestAgent;

  async function fileTo(subject = SUBJECT): Promise<{ folio: string; caseId: string; accessCode: string }> {
    const res = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ subjects: [subject], description: 'Contratos de recolección de basura de 2025', requester: { name: 'Ana López', email: uniqueEmail('caso') } }))
      .expect(201);
    return { folio: res.body.folio, caseId: res.body.cases[0].id, accessCode: res.body.accessCode };
  }

  const documents = async (caseId: string) => (await env.db.query(`SELECT count(*)::int AS n FROM documents WHERE case_id = $1`, [caseId]))[0].n as number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vt-officer-case-'));
    env = await startTestEnvironment({ env: { DOCUMENTS_DIR: dir, DOCUMENTS_MAX_FILE_MB: '1' } });
    const account = await createStaffAccount(env, 'uip_officer', SUBJECT);
    officer = await staffAgent(env, account);
    officerToken = await tokenFor(env, account.email, account.password);
    otherOfficer = await staffAgent(env, await createStaffAccount(env, 'uip_officer', OTHER));
  });
  afterAll(async () => {
    await env?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('is 404 for another body\'s officer, and sends the highest authority, the PDH and admins to their own views', async () => {
    const filed = await fileTo();
    const page = await officer.get(`/personal/casos/${filed.caseId}`).expect(200);
    expect(page.text).toContain(`Caso ${filed.folio}`);
    expect(page.text).toContain('Contratos de recolección de basura de 2025');
    const refused = await otherOfficer.get(`/personal/casos/${filed.caseId}`).expect(404);
    expect(refused.text).toContain('No encontramos esa página');
    expect(refused.text).not.toContain(filed.folio);
    await otherOfficer.get('/personal/casos/no-es-un-id').expect(404);
    for (const [role, target] of [
      ['highest_authority', `/personal/apelaciones/${filed.caseId}`],
      ['pdh_monitor', `/personal/pdh/casos/${filed.caseId}`],
      ['admin', `/personal/pdh/casos/${filed.caseId}`],
    ] as const) {
      const agent = await staffAgent(env, await createStaffAccount(env, role, role === 'highest_authority' ? SUBJECT : undefined));
      expect((await agent.get(`/personal/casos/${filed.caseId}`).expect(303)).headers.location).toBe(target);
    }
    // Another body's officer cannot act on it either: 404, and nothing changes.
    const before = await caseState(env, filed.caseId);
    await otherOfficer.post(`/personal/casos/${filed.caseId}/prorroga`).type('form').send({ _csrf: await agentCsrf(otherOfficer), motivo: 'Volumen', confirmar: '1' }).expect(404);
    expect(await caseState(env, filed.caseId)).toEqual(before);
  });

  it('lists a body once in the transfer form when the search finds one of the suggestions', async () => {
    const filed = await fileTo();
    const page = await officer.get(`/personal/casos/${filed.caseId}`).expect(200);
    const suggested = [...page.text.matchAll(/id="traslado-sugerida-([^"]+)"/g)].map((m) => m[1]);
    expect(suggested.length).toBeGreaterThan(0);
    const [{ name }] = await env.db.query(`SELECT name FROM subjects WHERE code = $1`, [suggested[0]]);
    const searched = await officer.get(`/personal/casos/${filed.caseId}?q=${encodeURIComponent(name)}`).expect(200);
    const radios = [...searched.text.matchAll(/name="sujeto" value="([^"]+)"/g)].map((m) => m[1]);
    expect(radios.filter((code) => code === suggested[0])).toHaveLength(1);
    // Listed with what the search found; the other suggestions stay.
    expect(searched.text).toContain(`id="traslado-encontrada-${suggested[0]}"`);
    for (const code of suggested.slice(1)) expect(radios).toContain(code);
  });

  it('a resolution posted after the idle timeout changes nothing and the sign-in page shows the text typed, to copy', async () => {
    const account = await createStaffAccount(env, 'uip_officer', SUBJECT);
    const agent = await staffAgent(env, account);
    const filed = await fileTo();
    const csrf = await agentCsrf(agent, `/personal/casos/${filed.caseId}`);
    const before = await caseState(env, filed.caseId);
    const text = 'Se entregan los contratos de 2025 <con anexos> & las actas, tal como se pidieron.\n'.repeat(40);
    const now = jest.spyOn(env.api.get(Clock), 'now').mockReturnValue(new Date(Date.now() + (env.config.STAFF_SESSION_IDLE_MINUTES + 1) * 60_000));
    try {
      const late = await agent
        .post(`/personal/casos/${filed.caseId}/resolucion`)
        .set('Referer', `http://127.0.0.1/personal/casos/${filed.caseId}`)
        .type('form')
        .send({ _csrf: csrf, tipo: 'delivered', texto: text, confirmar: '1' })
        .expect(401);
      expect(late.text).toContain('Lo que envió no se guardó');
      expect(late.text).toContain(`Su sesión se cerró después de ${env.config.STAFF_SESSION_IDLE_MINUTES} minutos sin uso`);
      // The text, whole and escaped; not the form's machinery (token, choice, confirmation).
      const shown = [...late.text.matchAll(/<textarea id="guardado-\d+" readonly rows="6">([^<]*)<\/textarea>/g)].map((m) => m[1]);
      expect(shown.map((v) => v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))).toEqual([text]);
      expect(late.text).toContain('Lo que escribió en «texto»');
      // Signing in again goes back to the case.
      expect(late.text).toContain(`name="volver" value="/personal/casos/${filed.caseId}"`);
      expect(await caseState(env, filed.caseId)).toEqual(before);
    } finally {
      now.mockRestore();
    }
  });

  it('asks for a confirmation first and changes nothing until it is given', async () => {
    const filed = await fileTo();
    const before = await caseState(env, filed.caseId);
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    const confirm = await officer.post(`/personal/casos/${filed.caseId}/prorroga`).type('form').send({ _csrf: csrf, motivo: 'Son 300 expedientes que hay que copiar.' }).expect(200);
    expect(confirm.text).toContain('¿Prorrogar el plazo?');
    expect(confirm.text).toContain('name="confirmar" value="1"');
    expect(confirm.text).toContain('value="Son 300 expedientes que hay que copiar."');
    expect(await caseState(env, filed.caseId)).toEqual(before);
    const done = await officer.post(`/personal/casos/${filed.caseId}/prorroga`).type('form').send({ _csrf: csrfTokenOf(confirm.text), motivo: 'Son 300 expedientes que hay que copiar.', confirmar: '1' }).expect(303);
    expect(done.headers.location).toBe(`/personal/casos/${filed.caseId}?hecho=prorroga`);
    const api = (await env.http.get(`/api/v1/cases/${filed.caseId}`).set('Authorization', `Bearer ${officerToken}`).expect(200)).body;
    expect(api.status).toBe('extended');
    const page = await officer.get(done.headers.location).expect(200);
    expect(page.text).toContain('Listo: el plazo quedó prorrogado.');
    expect(page.text).toContain('Son 300 expedientes que hay que copiar.');
    // Only once: the extension is no longer offered, and a second one is refused in words.
    expect(page.text).not.toContain('Revisar y prorrogar');
    const again = await officer.post(`/personal/casos/${filed.caseId}/prorroga`).type('form').send({ _csrf: csrfTokenOf(page.text), motivo: 'Otra vez', confirmar: '1' }).expect(409);
    expect(again.text).toContain('Ya no se puede prorrogar');
  });

  it('refuses a resolution without its fields beside them, keeps the input, and requires the classification for a reserved denial', async () => {
    const filed = await fileTo();
    const before = await caseState(env, filed.caseId);
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    const empty = await officer.post(`/personal/casos/${filed.caseId}/resolucion`).type('form').send({ _csrf: csrf, texto: '   ', confirmar: '1' }).expect(400);
    expect(empty.text).toContain('Elija qué responde');
    expect(empty.text).toContain('Escriba la resolución razonada');
    expect(empty.text).toContain('href="#resolucion-tipo"');
    const reserved = await officer
      .post(`/personal/casos/${filed.caseId}/resolucion`)
      .type('form')
      .send({ _csrf: csrf, tipo: 'denied_reserved', texto: 'La información fue clasificada como reservada.', confirmar: '1' })
      .expect(400);
    expect(reserved.text).toContain('Cite la resolución de clasificación');
    expect(reserved.text).toContain('La información fue clasificada como reservada.');
    expect(reserved.text).toMatch(/id="resolucion-tipo-denied_reserved"[^>]*checked/);
    expect(await caseState(env, filed.caseId)).toEqual(before);
  });

  it('a case that changed meanwhile: the action is refused in words (409), not a 500', async () => {
    const filed = await fileTo();
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    await staffPost(env, officerToken, `/cases/${filed.caseId}/resolution`, { type: 'nonexistent', text: 'No existe esa información en los archivos.' }).expect(200);
    const res = await officer
      .post(`/personal/casos/${filed.caseId}/aclaracion`)
      .type('form')
      .send({ _csrf: csrf, texto: '¿De qué año?', confirmar: '1' })
      .expect(409);
    expect(res.text).toContain('El caso cambió mientras tanto');
    expect(res.text).not.toContain('Revisar y pedir aclaración');
  });

  it('offers no extension once the original term is over (a request registered 40 days back)', async () => {
    const res = await staffPost(env, officerToken, '/cases', registrationBody({ receivedAt: daysAgo(40), requester: { name: 'Juan Pérez' } })).expect(201);
    const page = await officer.get(`/personal/casos/${res.body.cases[0].id}`).expect(200);
    expect(page.text).toContain('Vencido');
    expect(page.text).not.toContain('Revisar y prorrogar');
    expect(page.text).toContain('Revisar y resolver');
  });

  it('uploads only with the form\'s CSRF token, checked before the file is read', async () => {
    const filed = await fileTo();
    const stored = await filesUnder(dir);
    const res = await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('public', 'true').attach('file', pdf(), { filename: 'a.pdf', contentType: 'application/pdf' }).expect(403);
    expect(res.text).toContain('La página caducó');
    // The token after the file does not count: it must come first, as the page's form sends it.
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    await officer.post(`/personal/casos/${filed.caseId}/documentos`).attach('file', pdf(), { filename: 'a.pdf', contentType: 'application/pdf' }).field('_csrf', csrf).expect(403);
    expect(await documents(filed.caseId)).toBe(0);
    expect(await filesUnder(dir)).toEqual(stored);

    const ok = await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', csrf).field('public', 'false').attach('file', pdf(), { filename: 'acta.pdf', contentType: 'application/pdf' }).expect(303);
    expect(ok.headers.location).toBe(`/personal/casos/${filed.caseId}?hecho=documento#documentos`);
    const [row] = await env.db.query(`SELECT name, public FROM documents WHERE case_id = $1`, [filed.caseId]);
    expect(row).toEqual({ name: 'acta.pdf', public: false });
    const page = await officer.get(`/personal/casos/${filed.caseId}`).expect(200);
    expect(page.text).toContain('LAIP Art. 22');
    expect(page.text).toContain('acta.pdf');
  });

  it('shows upload refusals beside the file field with nothing stored: too large, wrong type, another body', async () => {
    const filed = await fileTo();
    const stored = await filesUnder(dir);
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    const big = await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', csrf).attach('file', Buffer.concat([pdf(), Buffer.alloc(1_100_000)]), { filename: 'grande.pdf', contentType: 'application/pdf' });
    expect(big.status).toBe(413);
    expect(big.text).toContain('El documento pesa más de 1 MB');
    const fake = await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', csrf).attach('file', Buffer.from('<html>hola</html>'), { filename: 'informe.pdf', contentType: 'application/pdf' }).expect(415);
    expect(fake.text).toContain('Ese tipo de archivo no se admite');
    expect(fake.text).toContain('id="documento-archivo-error"');
    const none = await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', csrf).expect(400);
    expect(none.text).toContain('Elija el documento que quiere agregar');
    const otherCsrf = await agentCsrf(otherOfficer);
    await otherOfficer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', otherCsrf).attach('file', pdf(), { filename: 'a.pdf', contentType: 'application/pdf' }).expect(404);
    expect(await documents(filed.caseId)).toBe(0);
    expect(await filesUnder(dir)).toEqual(stored);
  });

  it('lets the staff download a case\'s documents from the pages, and nobody else', async () => {
    const filed = await fileTo();
    const csrf = await agentCsrf(officer, `/personal/casos/${filed.caseId}`);
    const bytes = pdf('Acta de adjudicación');
    await officer.post(`/personal/casos/${filed.caseId}/documentos`).field('_csrf', csrf).field('public', 'false').attach('file', bytes, { filename: 'adjudicacion.pdf', contentType: 'application/pdf' }).expect(303);
    const [{ id }] = await env.db.query(`SELECT id FROM documents WHERE case_id = $1`, [filed.caseId]);
    const download = await officer.get(`/personal/documentos/${id}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((download.body as Buffer).equals(bytes)).toBe(true);
    expect(download.headers['content-disposition']).toContain('adjudicacion.pdf');
    await otherOfficer.get(`/personal/documentos/${id}`).expect(404);
    expect((await env.http.get(`/personal/documentos/${id}`).expect(303)).headers.location).toMatch(/^\/personal\/entrar/);
  });
});
