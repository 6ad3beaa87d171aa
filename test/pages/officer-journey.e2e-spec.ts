import { filingBody, pdf, png, uniqueEmail } from '@ventanilla/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { newPage, PagesWorld, pdfText, screenshot, seriousViolations, startPagesWorld } from './browser';
import { createStaffAccount, signInAs, signInWith, StaffAccount } from './staff-pages';

jest.setTimeout(300_000);

const SUBJECT = 'MUNI-0407'; // Municipalidad de Patzún
const OTHER = 'MINFIN';
const PUBLIC_DOC = { name: 'presupuesto-feria-2026.pdf', mimeType: 'application/pdf', buffer: pdf('Presupuesto de la feria titular 2026') };
const PRIVATE_DOC = { name: 'recibo-de-entrega.png', mimeType: 'image/png', buffer: png() };

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Nothing wider than the phone's screen. */
async function fitsWidth(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(width);
}

describe('a UIP officer works the inbox in a real browser (e2e)', () => {
  let world: PagesWorld;
  let dir: string;
  let officerPage: Page;
  let officer: StaffAccount;

  async function fileWeb(subject: string, description: string): Promise<{ folio: string; accessCode: string; caseId: string; email: string }> {
    const email = uniqueEmail('oficial');
    const res = await world.env.http
      .post('/api/v1/requests')
      .send(filingBody({ subjects: [subject], description, requester: { name: 'Rosa Xicay', email, phone: '+502 4444 1111' }, language: 'cak' }))
      .expect(201);
    return { folio: res.body.folio, accessCode: res.body.accessCode, caseId: res.body.cases[0].id, email };
  }

  /** The case page's action: open its panel, fill it, review, confirm; back on the case page with the result. */
  async function act(page: Page, panel: string, fill: () => Promise<void>, review: string, confirm: string): Promise<void> {
    const details = page.locator('details', { has: page.locator('summary', { hasText: panel }) });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await fill();
    await details.getByRole('button', { name: review }).click();
    await page.getByRole('button', { name: confirm }).waitFor();
    await axeClean(page);
    await page.getByRole('button', { name: confirm }).click();
    await page.locator('#resultado').waitFor();
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vt-officer-journey-'));
    world = await startPagesWorld({ env: { DOCUMENTS_DIR: dir } });
    officerPage = await newPage(world);
    officer = await signInAs(officerPage, world, 'uip_officer', SUBJECT);
  });
  afterAll(async () => {
    await world?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('sees a new web filing at the top of the inbox, extends it, resolves it with two documents; the citizen reads the answer and downloads them', async () => {
    const page = officerPage;
    // The sign-in went to /personal, which is the officer's inbox.
    expect(new URL(page.url()).pathname).toBe('/personal/bandeja');
    const filed = await fileWeb(SUBJECT, 'Presupuesto y facturas de la feria titular de Patzún de 2026');
    await page.reload();
    const first = page.locator('ol.inbox > li').first();
    expect(await first.locator('.inbox-folio').textContent()).toBe(filed.folio);
    expect(await first.textContent()).toContain('Prórroga posible hasta el');
    expect(await first.textContent()).toContain('prefiere Kaqchikel');
    await axeClean(page);
    await fitsWidth(page);
    await screenshot(page, 'bandeja');

    await first.getByRole('link', { name: filed.folio }).click();
    await page.waitForURL(`**/personal/casos/${filed.caseId}`);
    const request = page.getByRole('region', { name: 'La solicitud' });
    expect(await request.textContent()).toContain('Presupuesto y facturas de la feria titular de Patzún de 2026');
    expect(await request.textContent()).toContain('Rosa Xicay');
    expect(await request.textContent()).toContain(filed.email);
    expect(await request.textContent()).toContain('Kaqchikel');
    expect(await request.textContent()).toContain('Por medio electrónico');
    await axeClean(page);
    await fitsWidth(page);
    await screenshot(page, 'caso');

    // Extension, with its reason: once.
    await act(page, 'Prorrogar el plazo', () => page.getByLabel('Motivo de la prórroga').fill('Hay que reunir las facturas de tres dependencias.'), 'Revisar y prorrogar', 'Sí, prorrogar');
    expect(await page.locator('#resultado').textContent()).toContain('el plazo quedó prorrogado');
    expect(await page.locator('h1 + p').textContent()).toContain('Prorrogada');
    expect(await page.getByRole('region', { name: 'Historial del caso' }).textContent()).toContain('Hay que reunir las facturas de tres dependencias.');
    expect(await page.locator('summary', { hasText: 'Prorrogar el plazo' }).count()).toBe(0);

    // Two documents: one public, one marked not public (it shows a person's receipt).
    expect(await page.getByText('LAIP Art. 22').count()).toBeGreaterThan(0);
    await page.getByLabel('Documento', { exact: true }).setInputFiles(PUBLIC_DOC);
    await page.getByRole('button', { name: 'Agregar documento' }).click();
    await page.locator('#resultado').waitFor();
    await page.getByLabel('Documento', { exact: true }).setInputFiles(PRIVATE_DOC);
    await page.getByLabel(/No es público/).check();
    await page.getByRole('button', { name: 'Agregar documento' }).click();
    await page.locator('#resultado').waitFor();
    const docs = page.getByRole('region', { name: 'Documentos' });
    expect(await docs.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`${PUBLIC_DOC.name}[\\s\\S]*público · se entrega al resolver`)),
      expect.stringMatching(new RegExp(`${PRIVATE_DOC.name}[\\s\\S]*no público · se entrega al resolver`)),
    ]);
    await axeClean(page);

    // The resolution, delivering both (checked by default).
    await act(
      page,
      'Resolver',
      async () => {
        await page.getByLabel('Entregó la información').check();
        await page.getByLabel('Resolución razonada').fill('Se entrega el presupuesto aprobado de la feria titular y la constancia de entrega de las facturas.');
      },
      'Revisar y resolver',
      'Sí, resolver',
    );
    expect(await page.locator('#resultado').textContent()).toContain('el caso quedó resuelto');
    expect(await page.locator('h1 + p').textContent()).toContain('Resuelta');
    expect(await page.locator('summary', { hasText: 'Resolver' }).count()).toBe(0);
    await axeClean(page);
    // The officer downloads from the page, signed in by the cookie alone.
    const [officerDownload] = await Promise.all([page.waitForEvent('download'), docs.getByRole('link', { name: PRIVATE_DOC.name }).click()]);
    expect((await readFile((await officerDownload.path())!)).equals(PRIVATE_DOC.buffer)).toBe(true);

    // The citizen: the answer on the request's page, and both documents with the access code.
    const citizen = await newPage(world);
    await citizen.goto(`/solicitudes/${filed.folio}`);
    expect(await citizen.locator('main').textContent()).toContain('Se entrega el presupuesto aprobado de la feria titular');
    await citizen.getByLabel('Código de acceso').fill(filed.accessCode);
    await citizen.getByRole('button', { name: 'Entrar' }).click();
    const delivered = citizen.getByRole('list', { name: 'Documentos entregados' });
    expect(await delivered.getByRole('link').allTextContents()).toEqual([PUBLIC_DOC.name, PRIVATE_DOC.name]);
    for (const doc of [PUBLIC_DOC, PRIVATE_DOC]) {
      const [download] = await Promise.all([citizen.waitForEvent('download'), delivered.getByRole('link', { name: doc.name }).click()]);
      expect(download.suggestedFilename()).toBe(doc.name);
      expect((await readFile((await download.path())!)).equals(doc.buffer)).toBe(true);
    }
    await citizen.context().close();
  });

  it('registers an in-person request dated weeks back and downloads the citizen\'s constancia at once', async () => {
    const page = officerPage;
    await page.getByRole('navigation', { name: 'Menú del personal' }).getByRole('link', { name: 'Registrar una solicitud' }).click();
    await page.waitForURL('**/personal/registrar');
    await axeClean(page);
    await fitsWidth(page);
    const threeWeeksAgo = new Date(Date.now() - 21 * 86_400_000 - 6 * 3_600_000).toISOString().slice(0, 10);

    // A date in the future is refused beside the field, the rest kept.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000 - 6 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('Día').fill(tomorrow);
    await page.getByLabel('Hora').fill('10:30');
    await page.getByLabel('Lo que pide').fill('Planillas de pago de los maestros municipales de 2025');
    await page.getByLabel('Nombre').fill('Tomasa Cuxil');
    await page.getByRole('button', { name: 'Registrar la solicitud' }).click();
    await page.getByRole('heading', { name: 'Revise lo siguiente' }).waitFor();
    expect(await page.locator('#fecha-error').textContent()).toContain('no puede ser futura');
    expect(await page.getByLabel('Lo que pide').inputValue()).toBe('Planillas de pago de los maestros municipales de 2025');
    await axeClean(page);

    await page.getByLabel('Día').fill(threeWeeksAgo);
    await page.getByLabel('Kaqchikel').check();
    await page.getByRole('button', { name: 'Registrar la solicitud' }).click();
    await page.waitForURL(/\/personal\/registrar\/hecho\/VT-/);
    const folio = (await page.locator('#folio').textContent())!.trim();
    const code = (await page.locator('#codigo').textContent())!.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(page.url()).not.toContain(code);
    expect(await page.locator('main').textContent()).toContain('Vencido');
    await axeClean(page);
    await screenshot(page, 'registrada');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar la constancia (PDF)' }).click()]);
    const text = pdfText(await readFile((await download.path())!));
    expect(text).toContain(folio);
    expect(text).toContain(code);

    // Received when the officer says, in person, overdue at once; at the top of the inbox.
    const api = (await world.env.http.get(`/api/v1/requests/${folio}`).set('X-Access-Code', code).expect(200)).body;
    expect(api.cases[0].channel).toBe('in_person');
    expect(new Date(api.cases[0].receivedAt).toISOString()).toBe(new Date(`${threeWeeksAgo}T10:30:00-06:00`).toISOString());
    expect(api.cases[0].overdue).toBe(true);
    await page.goto('/personal/bandeja');
    expect(await page.locator('ol.inbox > li').first().locator('.inbox-folio').textContent()).toBe(folio);
  });

  it('transfers a case with the body search; it appears in the other body\'s inbox, and neither officer reaches the other\'s case', async () => {
    const page = officerPage;
    const filed = await fileWeb(SUBJECT, 'Transferencias del Ministerio de Finanzas Públicas a las municipalidades en 2025');
    await page.goto(`/personal/casos/${filed.caseId}`);
    const details = page.locator('details', { has: page.locator('summary', { hasText: 'Trasladar' }) });
    await details.locator('summary').click();
    await details.getByLabel('Buscar otra institución por su nombre').fill('Finanzas Públicas');
    await details.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByText('Encontradas con «Finanzas Públicas»:').waitFor();
    await axeClean(page);
    await act(
      page,
      'Trasladar',
      async () => {
        await page.locator('#accion-traslado').getByLabel('Ministerio de Finanzas Públicas').first().check();
        await page.getByLabel('Motivo del traslado').fill('Las transferencias las registra el Ministerio de Finanzas, no la municipalidad.');
      },
      'Revisar y trasladar',
      'Sí, trasladar',
    );
    expect(await page.locator('#resultado').textContent()).toContain('se trasladó');
    expect(await page.locator('main').textContent()).toContain('Ministerio de Finanzas Públicas');

    const other = await newPage(world, { width: 1280 });
    const otherOfficer = await createStaffAccount(world.env, 'uip_officer', OTHER);
    await signInWith(other, otherOfficer);
    const item = other.locator('ol.inbox > li', { hasText: filed.folio });
    expect(await item.count()).toBe(1);
    await item.getByRole('link', { name: filed.folio }).click();
    await other.waitForURL(/\/personal\/casos\//);
    expect(await other.getByRole('region', { name: 'La solicitud' }).textContent()).toContain('Municipalidad de Patzún');
    const newCaseUrl = new URL(other.url()).pathname;
    await axeClean(other);

    // By URL: another body's case is 404 both ways.
    const refused = await other.goto(`/personal/casos/${filed.caseId}`);
    expect(refused!.status()).toBe(404);
    await axeClean(other);
    expect((await page.goto(newCaseUrl))!.status()).toBe(404);
    await other.context().close();
  });

  it('asks the requester for a clarification, which the citizen sees on the request page', async () => {
    const page = officerPage;
    const filed = await fileWeb(SUBJECT, 'Información sobre el proyecto del drenaje');
    await page.goto(`/personal/casos/${filed.caseId}`);
    await act(page, 'Pedir una aclaración', () => page.getByLabel('¿Qué necesita que aclare?').fill('¿De qué aldea o cantón es el drenaje?'), 'Revisar y pedir aclaración', 'Sí, pedir la aclaración');
    expect(await page.locator('h1 + p').textContent()).toContain('Aclaración pedida');
    const citizen = await newPage(world);
    await citizen.goto(`/solicitudes/${filed.folio}`);
    await citizen.getByLabel('Código de acceso').fill(filed.accessCode);
    await citizen.getByRole('button', { name: 'Entrar' }).click();
    expect(await citizen.locator('main').textContent()).toContain('¿De qué aldea o cantón es el drenaje?');
    await citizen.context().close();
  });
});
