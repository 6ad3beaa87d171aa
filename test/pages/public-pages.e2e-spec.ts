import { createStaff, OWN, staffPost } from '../workflow/workflow-helpers';
import { newPage, PagesWorld, screenshot, seriousViolations, startPagesWorld, transferredBytes } from './browser';

jest.setTimeout(180_000);

describe('the public pages over monitoring in a browser (e2e)', () => {
  let world: PagesWorld;
  let folio: string;
  const sizes = new Map<string, number>();

  beforeAll(async () => {
    world = await startPagesWorld();
    const tokens = await createStaff(world.env);
    const filed = (
      await world.env.http
        .post('/api/v1/requests')
        .send({ subjects: [OWN, 'MUNI-0407'], description: 'Presupuesto de inversión en caminos rurales de Patzún para 2026', requester: { name: 'Lucía Cux' }, deliveryFormat: 'electronic' })
        .expect(201)
    ).body;
    folio = filed.folio;
    const minfin = filed.cases.find((c: { subject: { code: string } }) => c.subject.code === OWN).id;
    await staffPost(world.env, tokens.officer, `/cases/${minfin}/resolution`, { type: 'delivered', text: 'Se adjunta la ejecución presupuestaria de caminos vecinales.' }).expect(200);
  });
  afterAll(async () => {
    console.log(`Tamaño transferido (bytes, comprimido): ${[...sizes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    await world?.stop();
  });

  it('/buscar finds earlier requests and answers by full text, ignoring accents', async () => {
    const page = await newPage(world);
    sizes.set('/buscar', await transferredBytes(page, () => page.goto('/buscar?q=patzun caminos')));
    expect(sizes.get('/buscar')).toBeLessThan(60 * 1024);
    expect(await page.getByRole('link', { name: folio }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Lucía Cux');
    await page.goto(`/buscar?q=${encodeURIComponent('ejecución vecinales')}`);
    expect(await page.getByRole('link', { name: folio }).count()).toBe(1);
    await page.goto('/buscar?q=helicopteros');
    expect(await page.getByRole('link', { name: folio }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/buscar?q=patzun');
    await screenshot(page, 'buscar');
  });

  it('/estadisticas: sortable, filterable, charts drawn on the server as SVG, CSV download', async () => {
    const page = await newPage(world);
    sizes.set('/estadisticas', await transferredBytes(page, () => page.goto('/estadisticas')));
    expect(sizes.get('/estadisticas')).toBeLessThan(60 * 1024);
    expect(await page.locator('svg[role=img]').count()).toBe(2);
    expect(await page.locator('svg[role=img] style, svg[role=img] [style]').count()).toBe(0);
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Ministerio de Finanzas Públicas', 'Municipalidad de Patzún']));
    await page.getByRole('link', { name: 'Institución' }).click();
    const sorted = await page.locator('tbody tr td:first-child').allTextContents();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'es')));
    await page.getByLabel('Tipo de institución').selectOption('municipal');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    expect(await page.locator('tbody tr td:first-child').allTextContents()).toEqual(['Municipalidad de Patzún']);
    expect(await seriousViolations(page)).toEqual([]);
    const csv = await page.request.get((await page.getByRole('link', { name: 'Descargar estos datos (CSV)' }).getAttribute('href'))!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('codigo,sujeto,recibidas');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['MUNI-0407']);
    await page.goto('/estadisticas');
    await screenshot(page, 'estadisticas');
  });

  it('/sujetos/{code}: the body, its UIP, its figures and its recent requests', async () => {
    const page = await newPage(world);
    sizes.set('/sujetos/MINFIN', await transferredBytes(page, () => page.goto('/sujetos/MINFIN')));
    expect(sizes.get('/sujetos/MINFIN')).toBeLessThan(60 * 1024);
    expect(await page.locator('h1').textContent()).toBe('Ministerio de Finanzas Públicas');
    expect(await page.getByRole('link', { name: folio }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Respondidas a tiempo');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sujeto');
    const missing = await page.goto('/sujetos/NO-EXISTE');
    expect(missing!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('No encontramos esa página');
  });
});
