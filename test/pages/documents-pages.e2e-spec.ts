import { pdf } from '@ventanilla/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaff, fileWeb, Filed, OWN, staffPost, StaffTokens } from '../workflow/workflow-helpers';
import { newPage, PagesWorld, screenshot, seriousViolations, startPagesWorld } from './browser';

jest.setTimeout(180_000);

const PUBLIC_NAME = 'presupuesto-caminos-2026.pdf';
const PRIVATE_NAME = 'constancia-de-entrega-Ana.pdf';
const PUBLIC_BYTES = pdf('Presupuesto de caminos rurales 2026');
const PRIVATE_BYTES = pdf('Constancia de entrega con datos personales');

describe('documents of an answer on the request page and in /buscar (e2e, browser)', () => {
  let world: PagesWorld;
  let tokens: StaffTokens;
  let dir: string;
  let filed: Filed;
  let other: Filed;
  let publicId: string;
  let privateId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vt-pages-docs-'));
    world = await startPagesWorld({ env: { DOCUMENTS_DIR: dir } });
    tokens = await createStaff(world.env);
    filed = await fileWeb(world.env, OWN, 'docs');
    other = await fileWeb(world.env, OWN, 'otro');
    const upload = async (content: Buffer, name: string, isPublic: boolean) =>
      (
        await world.env.http
          .post(`/api/v1/cases/${filed.caseId}/documents`)
          .set('Authorization', `Bearer ${tokens.officer}`)
          .field('public', String(isPublic))
          .attach('file', content, { filename: name, contentType: 'application/pdf' })
          .expect(201)
      ).body.id as string;
    publicId = await upload(PUBLIC_BYTES, PUBLIC_NAME, true);
    privateId = await upload(PRIVATE_BYTES, PRIVATE_NAME, false);
    await staffPost(world.env, tokens.officer, `/cases/${filed.caseId}/resolution`, {
      type: 'delivered',
      text: 'Se entrega el presupuesto de caminos rurales aprobado, y su constancia de entrega.',
      documentIds: [publicId, privateId],
    }).expect(200);
  });
  afterAll(async () => {
    await world?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a visitor sees and downloads only the public document; the other is 404 by every address', async () => {
    const page = await newPage(world);
    await page.goto(`/solicitudes/${filed.folio}`);
    const docs = page.getByRole('list', { name: 'Documentos entregados' });
    expect(await docs.getByRole('link').allTextContents()).toEqual([PUBLIC_NAME]);
    expect(await docs.textContent()).toContain(`PDF · ${PUBLIC_BYTES.length} bytes`);
    const html = await page.content();
    expect(html).not.toContain(PRIVATE_NAME);
    expect(html).not.toContain(privateId);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'solicitud-documentos-publica');

    const href = (await docs.getByRole('link', { name: PUBLIC_NAME }).getAttribute('href'))!;
    expect(href).toBe(`/api/v1/documents/${publicId}`);
    const got = await page.request.get(href);
    expect(got.status()).toBe(200);
    expect(Buffer.from(await got.body()).equals(PUBLIC_BYTES)).toBe(true);

    expect((await page.request.get(`/api/v1/documents/${privateId}`)).status()).toBe(404);
    const viaPage = await page.request.get(`/solicitudes/${filed.folio}/documentos/${privateId}`);
    expect(viaPage.status()).toBe(404);
    expect(await viaPage.text()).toContain('No encontramos esa página');
  });

  it('/buscar shows the answer with its public document, so the next citizen finds and downloads it', async () => {
    const page = await newPage(world);
    await page.goto(`/buscar?q=${encodeURIComponent('presupuesto caminos rurales')}`);
    const result = page.locator('.list > li', { has: page.getByRole('link', { name: filed.folio }) });
    expect(await result.count()).toBe(1);
    expect(await result.textContent()).toContain('Se entrega el presupuesto de caminos rurales aprobado');
    const docs = result.getByRole('list', { name: `Documentos de Ministerio de Finanzas Públicas en la solicitud ${filed.folio}` });
    expect(await docs.getByRole('link').allTextContents()).toEqual([PUBLIC_NAME]);
    expect(await page.content()).not.toContain(PRIVATE_NAME);
    expect(await seriousViolations(page)).toEqual([]);
    const got = await page.request.get((await docs.getByRole('link').getAttribute('href'))!);
    expect(Buffer.from(await got.body()).equals(PUBLIC_BYTES)).toBe(true);
    await screenshot(page, 'buscar-documentos');
  });

  it('/buscar finds a resolved answer by the name of its public document, never by a non-public one or one of a case not resolved', async () => {
    const answered = await fileWeb(world.env, OWN, 'nombres');
    const pending = await fileWeb(world.env, OWN, 'pendiente');
    const upload = async (caseId: string, name: string, isPublic: boolean) =>
      (
        await world.env.http
          .post(`/api/v1/cases/${caseId}/documents`)
          .set('Authorization', `Bearer ${tokens.officer}`)
          .field('public', String(isPublic))
          .attach('file', pdf(name), { filename: name, contentType: 'application/pdf' })
          .expect(201)
      ).body.id as string;
    const shown = await upload(answered.caseId, 'acta-concejo_Xóchitl.2025.pdf', true);
    const hidden = await upload(answered.caseId, 'dpi-requirente-quetzaltenango.pdf', false);
    await upload(answered.caseId, 'anexo-tikal-sin-entregar.pdf', true);
    await upload(pending.caseId, 'planilla-bomberos-zacapa.pdf', true);
    // The answer's own text names none of the documents' words: only their names can match.
    await staffPost(world.env, tokens.officer, `/cases/${answered.caseId}/resolution`, {
      type: 'delivered',
      text: 'Se entrega lo solicitado.',
      documentIds: [shown, hidden],
    }).expect(200);
    const found = async (q: string) => (await world.env.http.get(`/buscar?q=${encodeURIComponent(q)}`).expect(200)).text;

    // Words of the public document's name, accents and punctuation aside.
    const hit = await found('xochitl concejo');
    expect(hit).toContain(answered.folio);
    expect(hit).toContain('acta-concejo_Xóchitl.2025.pdf');
    expect(hit).not.toContain('dpi-requirente-quetzaltenango.pdf');
    // A non-public document, a public one the resolution did not deliver, and one of a case still open: none is found.
    expect(await found('quetzaltenango')).not.toContain(answered.folio);
    expect(await found('tikal')).not.toContain(answered.folio);
    expect(await found('bomberos zacapa')).not.toContain(pending.folio);
  });

  it('the requester, after entering the code, sees both and downloads the non-public one in the browser', async () => {
    const page = await newPage(world);
    await page.goto(`/solicitudes/${filed.folio}`);
    await page.getByLabel('Código de acceso').fill(filed.accessCode);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Listo: ya puede ver sus datos').waitFor();
    const docs = page.getByRole('list', { name: 'Documentos entregados' });
    expect(await docs.getByRole('link').allTextContents()).toEqual([PUBLIC_NAME, PRIVATE_NAME]);
    expect(await docs.locator('li', { hasText: PRIVATE_NAME }).textContent()).toContain('solo para usted, no es público');
    expect(await docs.locator('li', { hasText: PUBLIC_NAME }).textContent()).not.toContain('solo para usted');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'solicitud-documentos-requirente');

    // A real download through the link: the code travels in this folio's cookie, never in the address.
    const [download] = await Promise.all([page.waitForEvent('download'), docs.getByRole('link', { name: PRIVATE_NAME }).click()]);
    expect(download.url()).toBe(`${world.base}/solicitudes/${filed.folio}/documentos/${privateId}`);
    expect(download.suggestedFilename()).toBe(PRIVATE_NAME);
    expect((await readFile((await download.path())!)).equals(PRIVATE_BYTES)).toBe(true);
    const publicOne = await page.request.get((await docs.getByRole('link', { name: PUBLIC_NAME }).getAttribute('href'))!);
    expect(Buffer.from(await publicOne.body()).equals(PUBLIC_BYTES)).toBe(true);

    // After "Cerrar", the same address is 404 again.
    await page.getByRole('button', { name: 'Cerrar (olvidar el código en este navegador)' }).click();
    expect((await page.request.get(`/solicitudes/${filed.folio}/documentos/${privateId}`)).status()).toBe(404);
  });

  it("another request's code never opens this request's document, and is not counted as a wrong code", async () => {
    const page = await newPage(world);
    await page.goto(`/solicitudes/${other.folio}`);
    await page.getByLabel('Código de acceso').fill(other.accessCode);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Listo: ya puede ver sus datos').waitFor();
    // Five tries, as many as the wrong-code limit allows per folio and address.
    for (let i = 0; i < 5; i += 1) expect((await page.request.get(`/solicitudes/${other.folio}/documentos/${privateId}`)).status()).toBe(404);
    // Had they been tried against this folio, its own requester at the same address would now get 429.
    await world.env.http.get(`/api/v1/documents/${privateId}`).set('X-Access-Code', filed.accessCode).expect(200);
  });
});
