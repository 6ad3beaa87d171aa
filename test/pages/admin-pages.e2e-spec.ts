import { addDays, localDateOf } from '@ventanilla/calendar';
import { uniqueEmail } from '@ventanilla/testing';
import { Page } from 'playwright-core';
import { login } from '../auth/auth-helpers';
import { newPage, PagesWorld, screenshot, seriousViolations, startPagesWorld } from './browser';
import { signInAs, StaffAccount } from './staff-pages';

// A browser on a shared 2-core machine: each journey takes its time.
jest.setTimeout(240_000);

/** axe finds nothing serious, and nothing makes the page wider than the phone (long emails wrap; tables scroll in their box). */
async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The text of the error printed beside an input (`#<id>-error`), as a person reads it. */
async function errorBeside(page: Page, id: string): Promise<string> {
  return ((await page.locator(`#${id}-error`).textContent()) ?? '').replace('Error:', '').trim();
}

describe('the admin pages in a real browser, at phone width (e2e)', () => {
  let world: PagesWorld;
  let page: Page;
  let admin: StaffAccount;

  const audit = async (action: string): Promise<Record<string, unknown>[]> =>
    world.env.db.query(`SELECT actor_email AS "actorEmail", target_id AS "targetId", data FROM audit_events WHERE action = $1 ORDER BY at`, [action]);

  beforeAll(async () => {
    world = await startPagesWorld();
    page = await newPage(world);
    admin = await signInAs(page, world, 'admin');
  });
  afterAll(() => world?.stop());

  it('opens on the home with each section and its figures', async () => {
    await page.goto('/personal');
    expect(new URL(page.url()).pathname).toBe('/personal/admin');
    expect(await page.locator('h1').textContent()).toBe('Administración');
    for (const name of ['Cuentas del personal', 'Instituciones', 'Calendario', 'Bitácora']) {
      expect(await page.getByRole('heading', { name }).count()).toBe(1);
    }
    const [{ n }] = await world.env.db.query(`SELECT count(*)::int AS n FROM subjects WHERE active`);
    expect(n).toBeGreaterThan(400);
    expect(await page.getByText(/^Activas: \d+$/).textContent()).toBe(`Activas: ${n}`);
    await axeClean(page);
    await screenshot(page, 'admin-inicio');
  });

  it('creates an officer: errors beside the fields with the input kept, then a temporary password shown once', async () => {
    await page.goto('/personal/admin/usuarios/nueva');
    await axeClean(page);
    const email = uniqueEmail('oficial.nuevo');
    await page.getByLabel('Correo electrónico').fill('no-es-correo');
    await page.getByLabel('Oficial de la UIP').check();
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    expect(await page.getByRole('heading', { name: 'Revise lo siguiente' }).count()).toBe(1);
    expect(await errorBeside(page, 'correo')).toBe('Escriba un correo electrónico válido, p. ej. nombre@institucion.gob.gt.');
    expect(await errorBeside(page, 'sujeto')).toContain('Escriba el código de la institución');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe('no-es-correo');
    await axeClean(page);

    // A subject that does not exist: the service's own sentence, naming the code.
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Institución (código)').fill('no-existe');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    expect(await errorBeside(page, 'sujeto')).toBe('No existe un sujeto obligado activo con el código NO-EXISTE.');
    expect(Number((await world.env.db.query(`SELECT count(*) FROM users WHERE lower(email) = lower($1)`, [email]))[0].count)).toBe(0);

    await page.getByLabel('Institución (código)').fill('minfin');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    expect(await page.locator('h1').textContent()).toBe('Cuenta creada');
    const temporary = (await page.locator('#temporal').textContent())!.trim();
    expect(temporary).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{16}$/);
    await axeClean(page);
    await screenshot(page, 'admin-cuenta-creada');

    // The account is MINFIN's officer, and must choose its own password before anything else.
    const [row] = await world.env.db.query(`SELECT role, subject_code, password_change_required FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(row).toEqual({ role: 'uip_officer', subject_code: 'MINFIN', password_change_required: true });
    const signIn = await login(world.env, email, temporary).expect(200);
    expect(signIn.body.user.passwordChangeRequired).toBe(true);
    expect((await audit('user.created')).find((e) => (e.data as { email: string }).email === email)).toMatchObject({ actorEmail: admin.email });

    // The same email again: beside the field, nothing written.
    await page.goto('/personal/admin/usuarios/nueva');
    await page.getByLabel('Correo electrónico').fill(email.toUpperCase());
    await page.getByLabel('Monitor de la PDH').check();
    const again = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    expect((await again).status()).toBe(409);
    expect(await errorBeside(page, 'correo')).toBe('Ya hay una cuenta con ese correo.');
  });

  it('lists accounts filtered by role, subject and state, with a paged list', async () => {
    const officer = await signInAs(await newPage(world), world, 'uip_officer', 'MINECO');
    await page.goto('/personal/admin/usuarios?rol=uip_officer&sujeto=mineco');
    expect(await page.getByRole('link', { name: officer.email }).count()).toBe(1);
    expect(await page.getByRole('link', { name: admin.email }).count()).toBe(0);
    await axeClean(page);
    await page.getByLabel('Estado').selectOption('desactivadas');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    expect(await page.getByRole('link', { name: officer.email }).count()).toBe(0);
    // A filter the API's DTO refuses is shown beside its input, never a 500.
    const bad = await page.goto('/personal/admin/usuarios?rol=conserje');
    expect(bad!.status()).toBe(400);
    expect(await errorBeside(page, 'rol')).toBe('Elija un rol.');
  });

  it('deactivates a signed-in officer, whose next page load returns to the sign-in (two browsers)', async () => {
    const officerPage = await newPage(world);
    const officer = await signInAs(officerPage, world, 'uip_officer', 'MINFIN');
    await officerPage.goto('/personal/contrasena');
    expect(new URL(officerPage.url()).pathname).toBe('/personal/contrasena');

    await page.goto(`/personal/admin/usuarios/${officer.id}`);
    await axeClean(page);
    await page.getByRole('link', { name: 'Desactivar la cuenta' }).click();
    expect(await page.locator('h1').textContent()).toBe('¿Desactivar la cuenta?');
    await axeClean(page);
    // Cancel changes nothing.
    await page.getByRole('link', { name: 'Cancelar' }).click();
    expect((await world.env.db.query(`SELECT active FROM users WHERE id = $1`, [officer.id]))[0].active).toBe(true);
    await page.getByRole('link', { name: 'Desactivar la cuenta' }).click();
    await page.getByRole('button', { name: 'Sí, desactivar' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('La cuenta se desactivó');
    await axeClean(page);

    await officerPage.reload();
    expect(new URL(officerPage.url()).pathname).toBe('/personal/entrar');
    expect((await audit('user.deactivated')).map((e) => e.targetId)).toContain(officer.id);

    await page.getByRole('button', { name: 'Reactivar la cuenta' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('La cuenta se reactivó');
  });

  it('changes role and subject with the role/subject rule beside the field, and refuses an admin deactivating itself', async () => {
    const other = await signInAs(await newPage(world), world, 'uip_officer', 'MINFIN');
    await page.goto(`/personal/admin/usuarios/${other.id}`);
    await page.getByLabel('Monitor de la PDH').check();
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    expect(await errorBeside(page, 'sujeto')).toBe('Deje vacía la institución: este rol no trabaja para una sola.');
    expect((await world.env.db.query(`SELECT role FROM users WHERE id = $1`, [other.id]))[0].role).toBe('uip_officer');
    await page.getByLabel('Institución (código)').fill('');
    await page.getByLabel('Nombre (opcional)').fill('Rosa Tuyuc');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Los cambios se guardaron');
    expect((await world.env.db.query(`SELECT role, subject_code, name FROM users WHERE id = $1`, [other.id]))[0]).toEqual({ role: 'pdh_monitor', subject_code: null, name: 'Rosa Tuyuc' });

    await page.goto(`/personal/admin/usuarios/${admin.id}/desactivar`);
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sí, desactivar' }).click();
    expect((await refused).status()).toBe(409);
    expect(await page.getByRole('alert').textContent()).toContain('No puede desactivar su propia cuenta');
    expect((await world.env.db.query(`SELECT active FROM users WHERE id = $1`, [admin.id]))[0].active).toBe(true);
  });

  it('resets a password after a confirmation: the old one stops working, the temporary one is shown once', async () => {
    const officerPage = await newPage(world);
    const officer = await signInAs(officerPage, world, 'uip_officer', 'MINFIN');
    await officerPage.goto('/personal/contrasena');
    await page.goto(`/personal/admin/usuarios/${officer.id}`);
    await page.getByRole('link', { name: 'Restablecer la contraseña' }).click();
    await axeClean(page);
    await page.getByRole('button', { name: 'Sí, restablecer' }).click();
    expect(await page.locator('h1').textContent()).toBe('Contraseña restablecida');
    const temporary = (await page.locator('#temporal').textContent())!.trim();
    await login(world.env, officer.email, officer.password).expect(401);
    await login(world.env, officer.email, temporary).expect(200);
    // The officer's open session ended with the reset.
    await officerPage.reload();
    expect(new URL(officerPage.url()).pathname).toBe('/personal/entrar');
  });

  it('searches, creates and edits a subject (the UIP mailbox among its fields)', async () => {
    await page.goto('/personal/admin/sujetos?q=patzun');
    expect(await page.getByRole('link', { name: 'Municipalidad de Patzún' }).getAttribute('href')).toBe('/personal/admin/sujetos/MUNI-0407');
    await axeClean(page);

    await page.goto('/personal/admin/nuevo-sujeto');
    await axeClean(page);
    await page.getByLabel('Código', { exact: true }).fill('mal código');
    await page.getByLabel('Nombre', { exact: true }).fill('Consejo Departamental de Desarrollo de Chimaltenango');
    await page.getByRole('button', { name: 'Agregar la institución' }).click();
    expect(await errorBeside(page, 'codigo')).toContain('Escriba un código de 1 a 40');
    expect(await errorBeside(page, 'sector')).toBe('Elija el sector.');
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Consejo Departamental de Desarrollo de Chimaltenango');
    await axeClean(page);
    await page.getByLabel('Código', { exact: true }).fill('codede-04');
    await page.getByLabel('Sector').selectOption('other');
    await page.getByRole('button', { name: 'Agregar la institución' }).click();
    expect(new URL(page.url()).pathname).toBe('/personal/admin/sujetos/CODEDE-04');
    expect(await page.getByRole('status').first().textContent()).toContain('La institución se agregó');

    await page.getByLabel('Buzón de la UIP (opcional)').fill('no es correo');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    expect(await errorBeside(page, 'buzon')).toBe('Escriba un correo electrónico válido para el buzón, o déjelo vacío.');
    await page.getByLabel('Buzón de la UIP (opcional)').fill('uip@codede04.gob.gt');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Los cambios se guardaron');
    await axeClean(page);
    const [row] = await world.env.db.query(`SELECT uip_email, admin_set FROM subjects WHERE code = 'CODEDE-04'`);
    expect(row.uip_email).toBe('uip@codede04.gob.gt');
    expect(row.admin_set).toContain('uip_email');

    // The same code again: the service's refusal (409) beside the code, the input kept, nothing written.
    await page.goto('/personal/admin/nuevo-sujeto');
    await page.getByLabel('Código', { exact: true }).fill('CODEDE-04');
    await page.getByLabel('Nombre', { exact: true }).fill('Otro consejo');
    await page.getByLabel('Sector').selectOption('other');
    const refusal = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Agregar la institución' }).click();
    expect((await refusal).status()).toBe(409);
    expect(await errorBeside(page, 'codigo')).toContain('Ya existe la institución CODEDE-04');
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Otro consejo');
    expect((await world.env.db.query(`SELECT name FROM subjects WHERE code = 'CODEDE-04'`))[0].name).toBe('Consejo Departamental de Desarrollo de Chimaltenango');
  });

  it('opens and edits every subject at /personal/admin/sujetos/{code}, even one coded like a form (NUEVO, IMPORTAR)', async () => {
    // The forms are reached from the list, and the menu still marks the section.
    await page.goto('/personal/admin/sujetos');
    await page.getByRole('link', { name: 'Importar desde un CSV' }).click();
    expect(await page.locator('h1').textContent()).toBe('Importar instituciones desde un CSV');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Instituciones' }).getAttribute('aria-current')).toBe('page');
    await page.goto('/personal/admin/sujetos');
    await page.getByRole('link', { name: 'Agregar una institución' }).click();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Instituciones' }).getAttribute('aria-current')).toBe('page');

    for (const code of ['NUEVO', 'IMPORTAR']) {
      const name = `Institución de prueba ${code}`;
      await page.goto('/personal/admin/sujetos');
      await page.getByRole('link', { name: 'Agregar una institución' }).click();
      await page.getByLabel('Código', { exact: true }).fill(code.toLowerCase());
      await page.getByLabel('Nombre', { exact: true }).fill(name);
      await page.getByLabel('Sector').selectOption('other');
      await page.getByRole('button', { name: 'Agregar la institución' }).click();
      expect(new URL(page.url()).pathname).toBe(`/personal/admin/sujetos/${code}`);
      expect(await page.locator('h1').textContent()).toBe(name);

      // Its page is its own, at either case, and saving changes it (and creates nothing).
      for (const address of [`/personal/admin/sujetos/${code}`, `/personal/admin/sujetos/${code.toLowerCase()}`]) {
        const answer = await page.goto(address);
        expect(answer!.status()).toBe(200);
        expect(await page.locator('h1').textContent()).toBe(name);
        expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe(name);
      }
      await page.getByLabel('Buzón de la UIP (opcional)').fill(`uip@${code.toLowerCase()}.gob.gt`);
      await page.getByRole('button', { name: 'Guardar los cambios' }).click();
      expect(await page.getByRole('status').first().textContent()).toContain('Los cambios se guardaron');
      expect(await world.env.db.query(`SELECT name, uip_email FROM subjects WHERE code = $1`, [code])).toEqual([{ name, uip_email: `uip@${code.toLowerCase()}.gob.gt` }]);
      // The list links to it.
      await page.goto(`/personal/admin/sujetos?q=${encodeURIComponent(name)}`);
      expect(await page.getByRole('link', { name }).getAttribute('href')).toBe(`/personal/admin/sujetos/${code}`);
    }
  });

  describe('the CSV import', () => {
    const upload = async (csv: string | Buffer, name = 'sujetos.csv') => {
      await page.goto('/personal/admin/importar-sujetos');
      await page.setInputFiles('#archivo', { name, mimeType: 'text/csv', buffer: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) });
      const answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Ver qué cambiaría' }).click();
      return (await answer).status();
    };

    it('shows the dry run as a table of what would change, writes nothing, then applies it', async () => {
      // An existing body keeps its name and sector (they are given as they are); only its mailbox changes.
      const [mineco] = await world.env.db.query(`SELECT name, sector FROM subjects WHERE code = 'MINECO'`);
      const csv = `code,name,sector,uipEmail\nCODEDE-05,Consejo Departamental de Desarrollo de Sacatepéquez,other,uip@codede05.gob.gt\nMINECO,"${mineco.name}",${mineco.sector},uip@mineco.gob.gt\n`;
      await page.goto('/personal/admin/importar-sujetos');
      await axeClean(page);
      expect(await upload(csv)).toBe(200);
      expect(await page.getByRole('heading', { name: 'Lo que cambiaría' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Instituciones nuevas: 1' }).count()).toBe(1);
      expect(await page.getByRole('cell', { name: 'Consejo Departamental de Desarrollo de Sacatepéquez' }).count()).toBe(1);
      const change = page.getByRole('row', { name: /MINECO/ }).filter({ hasText: 'uipEmail' });
      expect(await change.textContent()).toContain('uip@mineco.gob.gt');
      await axeClean(page);
      await screenshot(page, 'admin-importar-simulacion');
      expect((await world.env.db.query(`SELECT count(*)::int AS n FROM subjects WHERE code = 'CODEDE-05'`))[0].n).toBe(0);
      expect((await world.env.db.query(`SELECT uip_email FROM subjects WHERE code = 'MINECO'`))[0].uip_email).toBeNull();

      await page.getByRole('button', { name: 'Aplicar la importación' }).click();
      expect(await page.getByRole('heading', { name: 'Importación aplicada' }).count()).toBe(1);
      expect(await page.getByRole('status').first().textContent()).toContain('Nuevas: 1. Con cambios: 1.');
      await axeClean(page);
      expect((await world.env.db.query(`SELECT name FROM subjects WHERE code = 'CODEDE-05'`))[0].name).toBe('Consejo Departamental de Desarrollo de Sacatepéquez');
      expect((await world.env.db.query(`SELECT uip_email FROM subjects WHERE code = 'MINECO'`))[0].uip_email).toBe('uip@mineco.gob.gt');
      expect((await audit('subjects.imported')).at(-1)).toMatchObject({ actorEmail: admin.email, data: { created: ['CODEDE-05'], updated: ['MINECO'] } });
    });

    /** The "Aplicar" form's hidden fields as the page printed them (CSRF token, action, the dry run's token). */
    const applyFields = async (): Promise<Record<string, string>> => {
      const inputs = page.locator('form:has(input[name="accion"][value="aplicar"]) input[type="hidden"]');
      const fields: Record<string, string> = {};
      for (const input of await inputs.all()) fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value'))!;
      return fields;
    };
    const count = async (codes: string[]) => (await world.env.db.query(`SELECT count(*)::int AS n FROM subjects WHERE code = ANY($1)`, [codes]))[0].n;

    it('applies exactly what the dry run showed: the form carries a token, not the CSV, and a forged or reused token writes nothing', async () => {
      expect(await upload('code,name,sector\nCODEDE-12,Consejo Departamental de Desarrollo de Huehuetenango,other\n')).toBe(200);
      const fields = await applyFields();
      expect(Object.keys(fields).sort()).toEqual(['accion', 'simulacion', expect.any(String)].sort());
      expect(await page.content()).not.toContain('Huehuetenango,other');

      // A token altered in the form: refused in words, nothing written.
      const altered = await page.request.post('/personal/admin/importar-sujetos', {
        multipart: { ...fields, simulacion: `${fields.simulacion.slice(0, -1)}${fields.simulacion.endsWith('A') ? 'B' : 'A'}` },
        maxRedirects: 0,
      });
      expect(altered.status()).toBe(400);
      expect(await altered.text()).toContain('Esta simulación ya no se puede aplicar');
      // The old hidden field, sent with the right token, is not read: the CSV applied is the one simulated.
      const smuggled = await page.request.post('/personal/admin/importar-sujetos', {
        multipart: { ...fields, csv: 'code,name,sector\nCODEDE-13,Consejo falso,other\n' },
        maxRedirects: 0,
      });
      expect(smuggled.status()).toBe(200);
      expect(await smuggled.text()).toContain('Importación aplicada');
      expect(await count(['CODEDE-12'])).toBe(1);
      expect(await count(['CODEDE-13'])).toBe(0);

      // The page's own button now finds its dry run used: refused beside the file, nothing more written.
      const answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Aplicar la importación' }).click();
      expect((await answer).status()).toBe(400);
      expect(await errorBeside(page, 'archivo')).toBe('Esta simulación ya no se puede aplicar (pasaron más de 30 minutos, ya se aplicó o el formulario se alteró): no se importó nada. Suba el archivo otra vez.');
      await axeClean(page);
      expect((await audit('subjects.imported')).filter((e) => JSON.stringify(e.data).includes('CODEDE-12'))).toHaveLength(1);
    });

    it('refuses to apply a dry run when the catalog changed since it, writing nothing', async () => {
      expect(await upload('code,name,sector,uipEmail\nCODEDE-14,Consejo Departamental de Desarrollo de Jalapa,other,\nMINGOB,Ministerio de Gobernación,executive,uip@mingob.gob.gt\n')).toBe(200);
      expect(await page.getByRole('heading', { name: 'Instituciones que cambian: 1' }).count()).toBe(1);
      // Meanwhile another admin sets MINGOB's mailbox to something else.
      await world.env.db.query(`UPDATE subjects SET uip_email = 'otra@mingob.gob.gt' WHERE code = 'MINGOB'`);
      const answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Aplicar la importación' }).click();
      expect((await answer).status()).toBe(409);
      expect(await errorBeside(page, 'archivo')).toBe('Las instituciones cambiaron desde la simulación: no se importó nada. Simule el archivo otra vez para ver lo que cambiaría ahora.');
      expect(await count(['CODEDE-14'])).toBe(0);
      expect((await world.env.db.query(`SELECT uip_email FROM subjects WHERE code = 'MINGOB'`))[0].uip_email).toBe('otra@mingob.gob.gt');
    });

    it('lists the errors of each line and offers no way to apply them', async () => {
      expect(await upload('code,name,sector\nCODEDE-06,Consejo de Sololá,other\nCODEDE-07,,other\nCODEDE-08,Consejo de Totonicapán,planeta\n')).toBe(200);
      expect(await page.getByRole('heading', { name: 'Errores por línea' }).count()).toBe(1);
      const lines = (await page.locator('table').first().locator('tbody tr td:first-child').allTextContents()).map((l) => l.trim());
      expect([...new Set(lines)]).toEqual(['línea 3 (CODEDE-07)', 'línea 4 (CODEDE-08)']);
      expect(await page.getByRole('row', { name: /línea 3 \(CODEDE-07\) name/ }).count()).toBe(1);
      expect(await page.getByRole('row', { name: /línea 4 \(CODEDE-08\) sector/ }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Aplicar la importación' }).count()).toBe(0);
      await axeClean(page);
      expect((await world.env.db.query(`SELECT count(*)::int AS n FROM subjects WHERE code LIKE 'CODEDE-0_' AND code > 'CODEDE-05'`))[0].n).toBe(0);
    });

    it('reads a spreadsheet saved as Windows-1252 and says so', async () => {
      const cp1252 = Buffer.from('code,name,sector\nCODEDE-09,Consejo de Quiché,other\n', 'latin1');
      expect(await upload(cp1252)).toBe(200);
      expect(await page.getByRole('cell', { name: 'Consejo de Quiché' }).count()).toBe(1);
      expect(await page.getByText('se leyó como lo guarda Excel').count()).toBe(1);
    });

    it('refuses a file past the size limit beside the field, and a post without the CSRF token, writing nothing', async () => {
      const big = `code,name,sector\n${'CODEDE-10,Consejo,other\n'.repeat(Math.ceil((2 * 1024 * 1024) / 24) + 10)}`;
      expect(await upload(big)).toBe(413);
      expect(await errorBeside(page, 'archivo')).toBe('El archivo supera 2 MB: divídalo en partes más pequeñas.');
      await axeClean(page);

      const forged = await page.request.post('/personal/admin/importar-sujetos', {
        multipart: { accion: 'aplicar', csv: 'code,name,sector\nCODEDE-11,Consejo falso,other\n' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect((await world.env.db.query(`SELECT count(*)::int AS n FROM subjects WHERE code IN ('CODEDE-10', 'CODEDE-11')`))[0].n).toBe(0);
    });
  });

  describe('the calendar', () => {
    const today = localDateOf(new Date());
    const year = Number(today.slice(0, 4)) + 1;
    const future = `${year}-03-17`;

    it('declares a día inhábil with its reason, refuses a repeat beside the date, and removes one still to come', async () => {
      await page.goto(`/personal/admin/calendario?anio=${year}`);
      await axeClean(page);
      await page.getByLabel('Fecha').fill(future);
      await page.getByLabel('Motivo').fill('Asueto por Acuerdo Gubernativo 1-2027');
      await page.getByRole('button', { name: 'Declarar el día inhábil' }).click();
      expect(await page.getByRole('status').first().textContent()).toContain('El día inhábil se declaró');
      const row = page.getByRole('row', { name: /Asueto por Acuerdo Gubernativo 1-2027/ });
      expect(await row.textContent()).toContain(`17 de marzo de ${year}`);
      expect(await row.textContent()).toContain('Todas las instituciones');
      await axeClean(page);
      await screenshot(page, 'admin-calendario');
      // The API's calendar sees it at once.
      const days = (await world.env.http.get(`/api/v1/calendar/non-business-days?year=${year}`).expect(200)).body as { date: string; kind: string }[];
      expect(days).toContainEqual(expect.objectContaining({ date: future, kind: 'declared' }));

      await page.getByLabel('Fecha').fill(future);
      await page.getByLabel('Motivo').fill('Otra vez');
      const repeat = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Declarar el día inhábil' }).click();
      expect((await repeat).status()).toBe(409);
      expect(await errorBeside(page, 'fecha')).toBe('Ese día ya está declarado inhábil para el mismo alcance.');
      expect(await page.getByLabel('Motivo').inputValue()).toBe('Otra vez');
      await axeClean(page);

      await page.goto(`/personal/admin/calendario?anio=${year}`);
      await page.getByRole('link', { name: `Quitar 17 de marzo de ${year}` }).click();
      await axeClean(page);
      await page.getByRole('button', { name: 'Sí, quitarlo' }).click();
      expect(await page.getByRole('status').first().textContent()).toContain('El día inhábil se quitó');
      expect((await world.env.db.query(`SELECT count(*)::int AS n FROM non_business_days WHERE date = $1`, [future]))[0].n).toBe(0);
      expect((await audit('calendar.non_business_day_removed')).at(-1)).toMatchObject({ data: { date: future } });
    });

    it('keeps a declared day that has begun: no way to remove it, and a forged removal is refused', async () => {
      const yesterday = addDays(today, -1);
      const [{ id }] = await world.env.db.query(`INSERT INTO non_business_days (date, name) VALUES ($1, 'Asueto pasado') RETURNING id`, [yesterday]);
      await page.goto(`/personal/admin/calendario?anio=${yesterday.slice(0, 4)}`);
      expect(await page.getByRole('row', { name: /Asueto pasado/ }).textContent()).toContain('Ya corrió');
      const form = await page.request.get(`/personal/admin/calendario/dias/${id}/quitar`);
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
      const refused = await page.request.post(`/personal/admin/calendario/dias/${id}/quitar`, { form: { _csrf: token }, maxRedirects: 0 });
      expect(refused.status()).toBe(409);
      expect((await world.env.db.query(`SELECT count(*)::int AS n FROM non_business_days WHERE id = $1`, [id]))[0].n).toBe(1);
    });

    it("changes a subject's Saturdays and closing time", async () => {
      await page.goto('/personal/admin/calendario');
      await page.getByLabel('Cambiar el horario de una institución (código)').fill('muni-0101');
      await page.getByRole('button', { name: 'Ir' }).click();
      expect(new URL(page.url()).pathname).toBe('/personal/admin/calendario/sujetos/MUNI-0101');
      await axeClean(page);
      await page.getByLabel('Sí: sus sábados son días hábiles').check();
      await page.getByLabel('Hora de cierre (opcional)').fill('15:00');
      await page.getByRole('button', { name: 'Guardar el horario' }).click();
      expect(await page.getByRole('status').first().textContent()).toContain('El horario se guardó');
      expect((await world.env.db.query(`SELECT works_saturdays, closing_time FROM subjects WHERE code = 'MUNI-0101'`))[0]).toEqual({ works_saturdays: true, closing_time: '15:00' });
      await page.goto('/personal/admin/calendario');
      expect(await page.getByRole('row', { name: /MUNI-0101/ }).textContent()).toContain('15:00');
      await axeClean(page);
    });
  });

  it('lists the audit trail filtered by action, person and a range of days', async () => {
    const today = localDateOf(new Date());
    await page.goto(`/personal/admin/auditoria?desde=${today}&hasta=${today}`);
    await axeClean(page);
    await screenshot(page, 'admin-auditoria');
    expect(Number(/Entradas: (\d+)/.exec((await page.getByText(/^Entradas:/).textContent())!)![1])).toBeGreaterThan(5);
    await page.getByLabel('Qué').selectOption('user.deactivated');
    await page.getByLabel('Quién').selectOption({ label: admin.email });
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const rows = page.locator('main ul.list > li');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('Cuenta desactivada');
      expect(text).toContain(admin.email);
    }
    // Tomorrow holds nothing yet; a range the wrong way round is said beside the field.
    await page.goto(`/personal/admin/auditoria?desde=${addDays(today, 1)}`);
    expect(await page.getByText(/^Entradas:/).textContent()).toBe('Entradas: 0');
    const bad = await page.goto(`/personal/admin/auditoria?desde=${today}&hasta=${addDays(today, -1)}`);
    expect(bad!.status()).toBe(400);
    expect(await errorBeside(page, 'hasta')).toBe('La fecha final debe ser igual o posterior a la inicial.');
  });
});
