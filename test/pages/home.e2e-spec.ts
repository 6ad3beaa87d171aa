import { newPage, PagesWorld, seriousViolations, startPagesWorld, transferredBytes } from './browser';

describe('the home page in a browser (e2e)', () => {
  let world: PagesWorld;

  beforeAll(async () => {
    world = await startPagesWorld();
  });
  afterAll(() => world?.stop());

  it('says what Ventanilla is, finds bodies ignoring accents, and passes axe', async () => {
    const page = await newPage(world);
    const bytes = await transferredBytes(page, () => page.goto('/'));
    expect(bytes).toBeLessThan(60 * 1024);
    expect(await page.locator('h1').textContent()).toBe('Pida información pública');
    expect(await page.getByRole('link', { name: 'Presentar una solicitud' }).count()).toBeGreaterThan(0);

    await page.getByRole('searchbox', { name: 'Nombre de la institución' }).fill('patzun');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL(/q=patzun/);
    expect(await page.getByRole('link', { name: 'Municipalidad de Patzún' }).getAttribute('href')).toBe('/sujetos/MUNI-0407');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('serves the stylesheet under its content hash, cached for a year', async () => {
    const page = await newPage(world);
    await page.goto('/');
    const href = await page.locator('link[rel=stylesheet]').getAttribute('href');
    expect(href).toMatch(/^\/static\/site\.[0-9a-f]{10}\.css$/);
    const css = await page.request.get(href!);
    expect(css.status()).toBe(200);
    expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await page.request.get('/static/site.0000000000.css')).status()).toBe(404);
  });
});
