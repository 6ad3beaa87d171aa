import { Page } from 'playwright-core';
import { createStaff, OTHER, OWN, staffPost, StaffTokens } from '../workflow/workflow-helpers';
import {
  newPage, PagesWorld, pdfText, sameOriginOnly, screenshot, seriousViolations, seriousViolationsOfHtml, startPagesWorld, transferredBytes,
} from './browser';

const DESCRIPTION = 'Copia del presupuesto municipal aprobado para 2026 de la Municipalidad de Patzún y las transferencias del Ministerio de Finanzas Públicas';
const KB60 = 60 * 1024;
// A browser on a shared 2-core machine: each journey takes its time.
jest.setTimeout(240_000);

/** What each page cost over the wire, printed at the end for the closing note. */
const sizes = new Map<string, number>();

async function measured(page: Page, name: string, load: () => Promise<unknown>): Promise<void> {
  const bytes = await transferredBytes(page, load as never);
  sizes.set(name, bytes);
  expect(bytes).toBeLessThan(KB60);
}

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}


describe('a citizen files, follows and appeals in a real browser (e2e)', () => {
  let world: PagesWorld;
  let tokens: StaffTokens;

  beforeAll(async () => {
    world = await startPagesWorld();
    tokens = await createStaff(world.env);
  });
  afterAll(async () => {
    console.log(`Tamaño transferido por página (bytes, comprimido):\n${[...sizes].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    await world?.stop();
  });

  it('files to two bodies from / with the suggestions, gets folio, code, PDF constancia and calendar', async () => {
    const page = await newPage(world);
    const foreign = sameOriginOnly(page, world.base);
    await measured(page, '/', () => page.goto('/'));
    await screenshot(page, 'inicio');
    await measured(page, '/solicitar', () => page.locator('main').getByRole('link', { name: 'Presentar una solicitud' }).click());
    expect(new URL(page.url()).pathname).toBe('/solicitar');
    await axeClean(page);

    // Suggestions as one types (JavaScript on), each a one-click addition.
    await page.getByLabel('Describa la información').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Agregar Municipalidad de Patzún' }).click();
    await page.getByRole('heading', { name: 'Instituciones elegidas: 1' }).waitFor();
    await page.getByRole('button', { name: 'Agregar Ministerio de Finanzas Públicas' }).click();
    await page.getByRole('heading', { name: 'Instituciones elegidas: 2' }).waitFor();
    await page.getByLabel('Su nombre', { exact: true }).fill('Ana López');
    await page.getByLabel('Correo electrónico (opcional)').fill('ana.portal@example.org');
    await screenshot(page, 'solicitar');
    await page.getByRole('button', { name: 'Presentar solicitud' }).click();

    await page.waitForURL(/\/solicitudes\/VT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\/confirmacion$/);
    sizes.set('confirmación', await transferredBytes(page, () => page.reload()));
    expect(sizes.get('confirmación')).toBeLessThan(KB60);
    expect(await page.locator('h1').textContent()).toBe('Su solicitud fue presentada');
    const folio = (await page.locator('#folio').textContent())!.trim();
    const code = (await page.locator('#codigo').textContent())!.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(page.url()).not.toContain(code);
    expect(await page.getByText('Guárdelo: no se puede recuperar.').count()).toBe(1);
    await axeClean(page);
    await screenshot(page, 'confirmacion');

    // The API agrees: two cases, and each due date is on the page.
    const api = (await world.env.http.get(`/api/v1/requests/${folio}`).set('X-Access-Code', code).expect(200)).body;
    expect(api.cases.map((c: { subject: { code: string } }) => c.subject.code).sort()).toEqual(['MINFIN', 'MUNI-0407']);
    const text = (await page.locator('main').textContent())!;
    for (const c of api.cases) {
      const [y, m, d] = (c.dueDate as string).split('-').map(Number);
      expect(text).toContain(`${d} de ${['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][m - 1]} de ${y}`);
    }

    // The constancia: a real PDF holding the folio and the code.
    const pdf = await page.request.get(await page.getByRole('link', { name: 'Descargar la constancia (PDF)' }).getAttribute('href') as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfContent = pdfText(await pdf.body());
    expect(pdfContent).toContain(folio);
    expect(pdfContent).toContain(code);
    expect(pdfContent).toContain('Municipalidad de Patzún');

    // The same constancia from the API with X-Access-Code; the calendar is public.
    const apiPdf = await world.env.http.get(`/api/v1/requests/${folio}/receipt`).set('X-Access-Code', code).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdfText(apiPdf.body as Buffer)).toContain(code);
    await world.env.http.get(`/api/v1/requests/${folio}/receipt`).expect(401);
    await world.env.http.get(`/api/v1/requests/${folio}/receipt`).set('X-Access-Code', 'AAAAAAAAAAAA').expect(403);
    const ics = await page.request.get(await page.getByRole('link', { name: 'Agregar los plazos a mi calendario' }).getAttribute('href') as string);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const calendar = await ics.text();
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    for (const c of api.cases) expect(calendar).toContain(`DTSTART;VALUE=DATE:${(c.dueDate as string).replace(/-/g, '')}`);
    expect(calendar).not.toContain('Ana López');
    expect(foreign).toEqual([]);
  });

  it('the same filing with JavaScript disabled works in two steps, errors next to their fields and input kept', async () => {
    const page = await newPage(world, { javaScript: false });
    await page.goto('/solicitar');
    await page.getByLabel('Describa la información').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Ver instituciones sugeridas' }).click();
    await page.getByRole('button', { name: 'Agregar Municipalidad de Patzún' }).click();
    await page.getByRole('heading', { name: 'Instituciones elegidas: 1' }).waitFor();
    await page.getByLabel('Buscar una institución por su nombre').fill('finanzas publicas');
    await page.getByRole('button', { name: 'Buscar institución' }).click();
    await page.locator('#parte-encontradas').getByRole('button', { name: 'Agregar Ministerio de Finanzas Públicas' }).click();
    await page.getByRole('heading', { name: 'Instituciones elegidas: 2' }).waitFor();

    // Sent without a name and with a bad email: the summary links to each field, and nothing typed is lost.
    await page.getByLabel('Correo electrónico (opcional)').fill('no-es-un-correo');
    await page.getByRole('button', { name: 'Presentar solicitud' }).click();
    const summary = page.locator('.error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Escriba su nombre',
      'Escriba un correo válido, como nombre@ejemplo.com, o déjelo en blanco',
    ]);
    expect(await summary.getByRole('link', { name: 'Escriba su nombre' }).getAttribute('href')).toBe('#nombre');
    expect(await page.locator('#nombre-error').textContent()).toContain('Escriba su nombre');
    expect(await page.getByLabel('Su nombre', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Describa la información').inputValue()).toBe(DESCRIPTION);
    expect(await page.getByRole('heading', { name: 'Instituciones elegidas: 2' }).count()).toBe(1);
    expect(await seriousViolationsOfHtml(world, '/solicitar', await page.content())).toEqual([]);
    await screenshot(page, 'solicitar-errores');

    await page.getByLabel('Su nombre', { exact: true }).fill('Juan Sin Script');
    await page.getByLabel('Correo electrónico (opcional)').fill('');
    await page.getByLabel('Copia simple').check();
    await page.getByRole('button', { name: 'Presentar solicitud' }).click();
    await page.waitForURL(/\/confirmacion$/);
    const folio = (await page.locator('#folio').textContent())!.trim();
    const code = (await page.locator('#codigo').textContent())!.trim();
    const api = (await world.env.http.get(`/api/v1/requests/${folio}`).set('X-Access-Code', code).expect(200)).body;
    expect(api).toMatchObject({ description: DESCRIPTION, deliveryFormat: 'simple_copy', requester: { name: 'Juan Sin Script' } });
    expect(api.cases).toHaveLength(2);
  });

  it('refuses a form post without its CSRF token and files nothing', async () => {
    const before = await world.env.db.query(`SELECT count(*)::int AS n FROM requests`);
    const page = await newPage(world);
    await page.goto('/solicitar');
    const res = await page.request.post('/solicitar/enviar', {
      form: { sujetos: 'MINFIN', descripcion: DESCRIPTION, nombre: 'Sin token', formato: 'electronic', idioma: 'es' },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('La página caducó');
    const after = await world.env.db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('follows with the code (never in the address), answers a clarification, appeals a denial, withdraws', async () => {
    const filed = (
      await world.env.http
        .post('/api/v1/requests')
        .send({ subjects: [OWN, OTHER, 'MUNI-0407'], description: DESCRIPTION, requester: { name: 'Rosa Xom', email: 'rosa.portal@example.org' }, deliveryFormat: 'electronic' })
        .expect(201)
    ).body;
    const caseOf = (code: string) => filed.cases.find((c: { subject: { code: string } }) => c.subject.code === code).id as string;
    const question = 'Indique el año fiscal y la dirección a la que se refiere.';
    await staffPost(world.env, tokens.officer, `/cases/${caseOf(OWN)}/clarification-request`, { text: question }).expect(200);
    await staffPost(world.env, tokens.otherOfficer, `/cases/${caseOf(OTHER)}/resolution`, {
      type: 'denied_reserved', text: 'La información está clasificada como reservada por el acuerdo 12-2025.', classificationRef: 'Acuerdo 12-2025',
    }).expect(200);

    // The public view, as anyone sees it: no name, no actions.
    const visitor = await newPage(world);
    await measured(visitor, 'solicitud (pública)', () => visitor.goto(`/solicitudes/${filed.folio}`));
    expect(await visitor.locator('main').textContent()).not.toContain('Rosa Xom');
    expect(await visitor.getByRole('button', { name: 'Presentar recurso' }).count()).toBe(0);
    await axeClean(visitor);
    await screenshot(visitor, 'solicitud-publica');

    // A wrong code: the error next to the field, nothing remembered.
    await visitor.getByLabel('Código de acceso').fill('ABCDEFGHJKMN');
    await visitor.getByRole('button', { name: 'Entrar' }).click();
    expect(await visitor.locator('#codigo-error').textContent()).toContain('El código de acceso no es correcto');
    expect((await visitor.context().cookies()).find((c) => c.name === 'vt_acceso')).toBeUndefined();

    // From the home page with folio and code.
    const page = await newPage(world);
    await page.goto('/');
    await page.getByLabel('Folio').fill(filed.folio.toLowerCase());
    await page.getByLabel('Código de acceso (opcional)').fill(filed.accessCode);
    await page.getByRole('button', { name: 'Consultar' }).click();
    await page.getByText('Listo: ya puede ver sus datos').waitFor();
    expect(page.url()).not.toContain(filed.accessCode);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'vt_acceso')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/solicitudes/${filed.folio}`, expires: -1 });
    expect(cookie.value).not.toContain(filed.accessCode);
    expect(await page.locator('main').textContent()).toContain('Rosa Xom');
    sizes.set('solicitud (requirente)', await transferredBytes(page, () => page.reload()));
    expect(sizes.get('solicitud (requirente)')).toBeLessThan(KB60);
    await axeClean(page);
    await screenshot(page, 'solicitud-requirente');

    // Answer the clarification: the question is shown, the answer reaches the case.
    const own = page.locator(`#caso-${caseOf(OWN)}`);
    expect(await own.textContent()).toContain(question);
    await own.getByLabel('Su respuesta').fill('Año fiscal 2025, Dirección de Presupuesto.');
    await own.getByRole('button', { name: 'Enviar aclaración' }).click();
    await page.getByText('Enviamos su aclaración a la institución.').waitFor();
    expect(page.url()).not.toContain(filed.accessCode);
    const afterAnswer = (await world.env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body;
    expect(afterAnswer.cases.find((c: { id: string }) => c.id === caseOf(OWN)).status).toBe('received');

    // Appeal the denial: the window is shown; without a ground the form comes back with the text kept.
    const other = page.locator(`#caso-${caseOf(OTHER)}`);
    expect(await other.textContent()).toMatch(/Puede apelar hasta el \d{1,2} de [a-z]+ de \d{4}\./);
    const complaint = 'La reserva no cita la prueba de daño que exige la ley.';
    await other.getByLabel('Explique su reclamo').fill(complaint);
    await other.getByRole('button', { name: 'Presentar recurso' }).click();
    expect(await page.locator('.error-summary').getByRole('link').allTextContents()).toEqual(['Elija el motivo de su recurso']);
    const retry = page.locator(`#caso-${caseOf(OTHER)}`);
    expect(await retry.getByLabel('Explique su reclamo').inputValue()).toBe(complaint);
    await axeClean(page);
    await retry.getByLabel('Me negaron la información').check();
    await retry.getByRole('button', { name: 'Presentar recurso' }).click();
    await page.getByText('Presentamos su recurso de revisión.').waitFor();
    const appealed = (await world.env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body.cases.find((c: { id: string }) => c.id === caseOf(OTHER));
    expect(appealed.appeal).toMatchObject({ status: 'filed', grounds: 'denied' });
    expect(await page.locator(`#caso-${caseOf(OTHER)}`).getByRole('button', { name: 'Presentar recurso' }).count()).toBe(0);

    // Withdraw the third case.
    const muni = page.locator(`#caso-${caseOf('MUNI-0407')}`);
    await muni.getByText('Desistir de este caso').click();
    await muni.getByRole('button', { name: 'Desistir' }).click();
    await page.getByText('Registramos que desiste de este caso.').waitFor();
    const withdrawn = (await world.env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body.cases.find((c: { id: string }) => c.id === caseOf('MUNI-0407'));
    expect(withdrawn.status).toBe('withdrawn');
    await axeClean(page);

    // A case the body closed while the page was open: the withdrawal is refused in words (409,
    // the state machine's refusal), not an error page, and the case stays as the body left it.
    // The form comes back open with the citizen's reason, the error beside it, and the summary's
    // link leads to that field.
    await staffPost(world.env, tokens.officer, `/cases/${caseOf(OWN)}/resolution`, { type: 'nonexistent', text: 'No existe esa información en los archivos.' }).expect(200);
    const stale = page.locator(`#caso-${caseOf(OWN)}`);
    await stale.getByText('Desistir de este caso').click();
    const reason = 'Ya obtuve la información por otro medio.';
    await stale.getByLabel('Motivo (opcional)').fill(reason);
    const refusal = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/casos/${caseOf(OWN)}/desistimiento`));
    await stale.getByRole('button', { name: 'Desistir' }).click();
    expect((await refusal).status()).toBe(409);
    const summaryLink = page.locator('.error-summary').getByRole('link');
    expect(await summaryLink.allTextContents()).toEqual(['Este caso ya está cerrado: no se puede desistir']);
    const target = (await summaryLink.getAttribute('href'))!;
    expect(target).toBe(`#desistimiento-motivo-${caseOf(OWN)}`);
    const field = page.locator(`#caso-${caseOf(OWN)} ${target}`);
    expect(await field.inputValue()).toBe(reason);
    expect(await field.isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await page.locator(`${target}-error`).textContent())!.trim()).toBe('Error: Este caso ya está cerrado: no se puede desistir');
    await axeClean(page);
    const resolved = (await world.env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body.cases.find((c: { id: string }) => c.id === caseOf(OWN));
    expect(resolved.status).toBe('resolved');

    // "Cerrar" forgets the code in this browser.
    await page.getByRole('button', { name: 'Cerrar (olvidar el código en este navegador)' }).click();
    await page.getByRole('heading', { name: '¿Es su solicitud?' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Rosa Xom');
  });
});
