import { newPage, PagesWorld, seriousViolations, startPagesWorld } from './browser';
import { createStaffAccount, signInWith } from './staff-pages';

jest.setTimeout(180_000);

describe('a staff member signs in, changes pages and signs out in a real browser (e2e)', () => {
  let world: PagesWorld;

  beforeAll(async () => {
    world = await startPagesWorld();
  });
  afterAll(() => world?.stop());

  it('asks for the sign-in on the way to a staff page, comes back to it, and signs out; every page axe-clean at phone width', async () => {
    const account = await createStaffAccount(world.env, 'uip_officer', 'MUNI-0407');
    const page = await newPage(world);
    await page.goto('/personal/contrasena');
    expect(new URL(page.url()).pathname).toBe('/personal/entrar');
    expect(await page.locator('h1').textContent()).toBe('Entrar como personal');
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong password: the error beside the field and in the summary, the email kept.
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña', { exact: true }).fill('no-es-esta');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Revise lo siguiente' }).waitFor();
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(account.email);
    expect(await page.locator('#correo-error').textContent()).toContain('El correo o la contraseña no son correctos');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Contraseña', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL('**/personal/contrasena');
    expect(await page.locator('h1').textContent()).toBe('Cambiar mi contraseña');
    // The staff layout: the officer's menu and who is signed in.
    const menu = page.getByRole('navigation', { name: 'Menú del personal' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Bandeja de solicitudes', 'Registrar una solicitud', 'Cambiar mi contraseña']);
    expect(await page.getByText(`Sesión de ${account.email} · MUNI-0407`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than a 360 px phone.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL('**/personal/entrar?salio=1');
    expect(await page.getByText('Cerró su sesión.').count()).toBe(1);
    await page.goto('/personal/contrasena');
    expect(new URL(page.url()).pathname).toBe('/personal/entrar');
    await page.context().close();
  });

  it('signs in any role with the helper', async () => {
    const page = await newPage(world, { width: 1280 });
    const account = await createStaffAccount(world.env, 'pdh_monitor');
    await signInWith(page, account, '/personal/entrar?volver=%2Fpersonal%2Fcontrasena');
    expect(new URL(page.url()).pathname).toBe('/personal/contrasena');
    const menu = page.getByRole('navigation', { name: 'Menú del personal' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Panel de la PDH', 'Informe anual', 'Cambiar mi contraseña']);
    await page.context().close();
  });
});
