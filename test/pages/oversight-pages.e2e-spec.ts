import { pdf } from '@ventanilla/testing';
import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import { APPEAL, createStaff, fileAppeal, fileWeb, Filed, OTHER, OWN, registerOld, RESOLUTION, staffGet, staffPost, StaffTokens } from '../workflow/workflow-helpers';
import { newPage, PagesWorld, screenshot, seriousViolations, startPagesWorld } from './browser';
import { agentCsrf, createStaffAccount, signInAs, staffAgent } from './staff-pages';

jest.setTimeout(240_000);

const DECISION_TEXT = 'Se revoca la respuesta: los anexos del presupuesto son información pública de oficio (Art. 10) y deben entregarse completos.';

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('the highest authority and the PDH in a real browser (e2e)', () => {
  let world: PagesWorld;
  let tokens: StaffTokens;

  beforeAll(async () => {
    world = await startPagesWorld();
    tokens = await createStaff(world.env);
  });
  afterAll(() => world?.stop());

  describe('the highest authority', () => {
    let appealed: Filed;
    let otherAppealed: Filed;

    beforeAll(async () => {
      const appeal = async (subject: string, officer: string) => {
        const filed = await fileWeb(world.env, subject, 'apelacion');
        await staffPost(world.env, officer, `/cases/${filed.caseId}/resolution`, RESOLUTION).expect(200);
        await fileAppeal(world.env, filed).expect(201);
        return filed;
      };
      appealed = await appeal(OWN, tokens.officer);
      otherAppealed = await appeal(OTHER, tokens.otherOfficer);
    });

    it("decides an appeal after a confirmation, and the citizen's page shows the decision", async () => {
      const page = await newPage(world);
      await signInAs(page, world, 'highest_authority', OWN);
      expect(new URL(page.url()).pathname).toBe('/personal/apelaciones');
      const pending = page.getByRole('region', { name: 'Por resolver: 1' });
      expect(await pending.getByRole('link').allTextContents()).toEqual([appealed.folio]);
      expect(await page.locator('main').textContent()).not.toContain(otherAppealed.folio);
      await axeClean(page);
      await screenshot(page, 'autoridad-recursos');

      await pending.getByRole('link', { name: appealed.folio }).click();
      expect(new URL(page.url()).pathname).toBe(`/personal/apelaciones/${appealed.caseId}`);
      const main = page.locator('main');
      expect(await main.textContent()).toContain(APPEAL.text);
      expect(await main.textContent()).toContain(RESOLUTION.text);
      const history = (await page.locator('.timeline').textContent())!.replace(/\s+/g, ' ');
      expect(history).toMatch(/Solicitud recibida.*Se resolvió.*El requirente presentó un recurso de revisión/);
      await axeClean(page);

      // Sent without a choice and with blank reasons (the browser's own check lets spaces through): the errors beside the fields.
      await page.getByLabel('Resolución razonada').fill('   ');
      await page.getByRole('button', { name: 'Revisar la decisión' }).click();
      expect(await page.locator('.error-summary').getByRole('link').allTextContents()).toEqual([
        'Elija si confirma, revoca o modifica la respuesta',
        'Escriba la resolución razonada (hasta 20 000 caracteres)',
      ]);
      await axeClean(page);

      await page.getByLabel('Revocar la respuesta').check();
      await page.getByLabel('Resolución razonada').fill(DECISION_TEXT);
      await page.getByRole('button', { name: 'Revisar la decisión' }).click();
      await page.getByRole('heading', { name: 'Confirme su decisión' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('Revocar la respuesta');
      await axeClean(page);
      // Nothing is decided before the confirmation.
      expect((await staffGet(world.env, tokens.authority, `/cases/${appealed.caseId}`).expect(200)).body.appeal.status).toBe('filed');

      await page.getByRole('button', { name: 'Sí, registrar la decisión' }).click();
      await page.getByText('Decisión registrada: Revocó la respuesta.').waitFor();
      expect(await page.getByRole('button', { name: 'Revisar la decisión' }).count()).toBe(0);
      expect(await page.locator('.timeline li').last().textContent()).toContain('La máxima autoridad resolvió el recurso');
      await axeClean(page);
      await screenshot(page, 'autoridad-decision');

      const api = (await staffGet(world.env, tokens.authority, `/cases/${appealed.caseId}`).expect(200)).body;
      expect(api.appeal).toMatchObject({ status: 'decided', outcome: 'revoked', text: DECISION_TEXT });

      // The citizen's page, as anyone sees it.
      const citizen = await newPage(world);
      await citizen.goto(`/solicitudes/${appealed.folio}`);
      const text = (await citizen.locator('main').textContent())!;
      expect(text).toContain('Revocó la respuesta');
      expect(text).toContain(DECISION_TEXT);
      await axeClean(citizen);

      // The list moved it to "decided".
      await page.goto('/personal/apelaciones');
      expect(await page.getByRole('region', { name: 'Por resolver: 0' }).count()).toBe(0);
      expect(await page.getByText('No hay recursos por resolver.').count()).toBe(1);
      expect(await page.getByRole('list', { name: 'Resueltos recientemente' }).getByRole('link').allTextContents()).toEqual([appealed.folio]);
    });

    it("another subject's case is 404 to read and to decide, and a second decision is refused", async () => {
      const account = await createStaffAccount(world.env, 'highest_authority', OWN);
      const agent = await staffAgent(world.env, account);
      const read = await agent.get(`/personal/apelaciones/${otherAppealed.caseId}`);
      expect(read.status).toBe(404);
      expect(read.text).toContain('No encontramos esa página');
      const csrf = await agentCsrf(agent, '/personal/apelaciones');
      const post = await agent
        .post(`/personal/apelaciones/${otherAppealed.caseId}/decision`)
        .type('form')
        .send({ _csrf: csrf, resultado: 'confirmed', texto: 'Se confirma.', paso: 'confirmar' });
      expect(post.status).toBe(404);
      expect((await staffGet(world.env, tokens.otherAuthority, `/cases/${otherAppealed.caseId}`).expect(200)).body.appeal.status).toBe('filed');

      // Without the CSRF token nothing is decided either.
      const noToken = await agent.post(`/personal/apelaciones/${appealed.caseId}/decision`).type('form').send({ resultado: 'confirmed', texto: 'Otra vez.', paso: 'confirmar' });
      expect(noToken.status).toBe(403);
      // A second decision on the same appeal (a resent form): a clear refusal, the first decision stays.
      const again = await agent
        .post(`/personal/apelaciones/${appealed.caseId}/decision`)
        .type('form')
        .send({ _csrf: csrf, resultado: 'confirmed', texto: 'Se confirma.', paso: 'confirmar' });
      expect(again.status).toBe(409);
      expect(again.text).toContain('Este recurso ya fue resuelto');
      expect((await staffGet(world.env, tokens.authority, `/cases/${appealed.caseId}`).expect(200)).body.appeal.outcome).toBe('revoked');
    });
  });

  describe('the PDH monitor', () => {
    let overdue: Filed;
    let fresh: Filed;
    let documentId: string;
    const DOCUMENT = pdf('Borrador de respuesta');

    beforeAll(async () => {
      // Received 40 days ago in person: overdue at once. Its requester is "Juan Pérez" (the helper's).
      overdue = await registerOld(world.env, tokens.officer, 40, 'pdh');
      fresh = await fileWeb(world.env, 'MUNI-0407', 'pdh');
      // One answered case, so the charts have a point to draw.
      const answered = await fileWeb(world.env, OWN, 'pdh-respondida');
      await staffPost(world.env, tokens.officer, `/cases/${answered.caseId}/resolution`, RESOLUTION).expect(200);
      // A document the officer uploaded and has not delivered yet: the PDH reads it, the admin does not (api.md, Documents).
      documentId = (
        await world.env.http
          .post(`/api/v1/cases/${overdue.caseId}/documents`)
          .set('Authorization', `Bearer ${tokens.officer}`)
          .field('public', 'false')
          .attach('file', DOCUMENT, { filename: 'borrador.pdf', contentType: 'application/pdf' })
          .expect(201)
      ).body.id;
    });

    it('the desk shows the overdue case without the requester, with the charts, sorting and filters', async () => {
      const page = await newPage(world);
      await signInAs(page, world, 'pdh_monitor');
      expect(new URL(page.url()).pathname).toBe('/personal/pdh');
      const late = page.getByRole('region', { name: /^Solicitudes vencidas sin respuesta/ });
      expect(await late.getByRole('link').allTextContents()).toContain(overdue.folio);
      expect(await late.getByRole('link').allTextContents()).not.toContain(fresh.folio);
      const html = await page.content();
      expect(html).not.toContain('Juan Pérez');
      expect(html).not.toContain(overdue.email);
      expect(html).not.toContain('Ana López');

      // Two charts drawn on the server, CSP-safe.
      expect(await page.locator('svg[role=img]').count()).toBe(2);
      expect(await page.locator('svg[role=img] style, svg[role=img] [style]').count()).toBe(0);

      // Every body with cases, a mark for the one nobody can reach, the unreachable ones listed.
      const bodies = page.getByRole('region', { name: 'Cada institución' });
      const rowOf = (name: string) => bodies.locator('tbody tr', { hasText: name });
      expect(await rowOf('Ministerio de Finanzas Públicas').locator('td').nth(3).textContent()).toBe('1');
      expect(await rowOf('Municipalidad de Patzún').textContent()).toContain('Sin UIP registrada');
      expect(await page.locator('#sin-uip + p + details li', { hasText: 'Municipalidad de Patzún' }).count()).toBe(1);
      await axeClean(page);
      await screenshot(page, 'pdh-panel');

      await bodies.getByRole('link', { name: 'Institución' }).click();
      const names = await page.getByRole('region', { name: 'Cada institución' }).locator('tbody tr td:first-child').allTextContents();
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')));
      await page.getByLabel('Tipo de institución').selectOption('municipal');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      expect(await page.getByRole('region', { name: 'Cada institución' }).locator('tbody tr td:first-child').allTextContents()).toEqual(['Municipalidad de Patzún']);
      expect(await page.getByText('Ninguna solicitud de estas instituciones está vencida.').count()).toBe(1);
      await page.getByLabel('Tipo de institución').selectOption('');
      await page.getByLabel('Departamento').selectOption({ label: 'Chimaltenango' });
      await page.getByRole('button', { name: 'Filtrar' }).click();
      expect(await page.getByRole('region', { name: 'Cada institución' }).locator('tbody tr td:first-child').allTextContents()).toEqual(['Municipalidad de Patzún']);
      // Chimaltenango's 16 municipalities and its governorship: none has a UIP in this world.
      expect(await page.locator('#sin-uip + p + details li').count()).toBe(17);
      await page.getByLabel('Departamento').selectOption('');
      await page.getByLabel('Mostrar').selectOption('vencidas');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      expect(await page.getByRole('region', { name: 'Cada institución' }).locator('tbody tr td:first-child').allTextContents()).toEqual(['Ministerio de Finanzas Públicas']);
      await axeClean(page);

      // The case, read-only and without who asked.
      await page.getByRole('region', { name: /^Solicitudes vencidas sin respuesta/ }).getByRole('link', { name: overdue.folio }).click();
      expect(new URL(page.url()).pathname).toBe(`/personal/pdh/casos/${overdue.caseId}`);
      const text = (await page.locator('main').textContent())!;
      expect(text).toContain('Solo lectura');
      expect(text).toContain('Plazo vencido');
      expect(text).toContain('Copia del presupuesto municipal');
      // The whole history, in the officer's markup (case-thread.njk), is on the page: the identity checks below read it too.
      expect(await page.locator('.timeline.thread > li').count()).toBeGreaterThan(0);
      expect(await page.locator('.timeline.thread').textContent()).toContain('Solicitud recibida');
      expect(await page.content()).not.toContain('Juan Pérez');
      expect(await page.content()).not.toContain(overdue.email);
      expect(await page.locator('main form').count()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'borrador.pdf' }).click()]);
      expect(download.url()).toBe(`${world.base}/personal/documentos/${documentId}`);
      expect((await readFile((await download.path())!)).equals(DOCUMENT)).toBe(true);
      await axeClean(page);
      await screenshot(page, 'pdh-caso');
    });

    it("an admin sent to the PDH's case page does not see the requester either; other roles are refused", async () => {
      const admin = await newPage(world);
      await signInAs(admin, world, 'admin');
      const res = await admin.goto(`/personal/pdh/casos/${overdue.caseId}`);
      expect(res!.status()).toBe(200);
      expect(await admin.content()).not.toContain('Juan Pérez');
      // The document is named, not linked: the contract's readers are the subject's staff and the PDH.
      expect(await admin.locator('main').getByText('borrador.pdf').count()).toBe(1);
      expect(await admin.getByRole('link', { name: 'borrador.pdf' }).count()).toBe(0);
      expect((await admin.request.get(`/personal/documentos/${documentId}`)).status()).toBe(404);
      const desk = await admin.goto('/personal/pdh');
      expect(desk!.status()).toBe(403);
      const officer = await newPage(world);
      await signInAs(officer, world, 'uip_officer', OWN);
      expect((await officer.goto(`/personal/pdh/casos/${overdue.caseId}`))!.status()).toBe(403);
    });

    it('the Art. 48 report of a body and year on screen and as the same CSV as the API', async () => {
      const year = new Date(overdue.cases[0].receivedAt as string).getUTCFullYear();
      const page = await newPage(world);
      await signInAs(page, world, 'pdh_monitor');
      await page.goto('/personal/pdh/informe');
      await axeClean(page);
      await page.getByLabel('Institución').fill('finanzas publicas');
      await page.getByLabel('Año').selectOption(String(year));
      await page.getByRole('button', { name: 'Ver el informe' }).click();
      const chosen = page.getByRole('link', { name: 'Ministerio de Finanzas Públicas' });
      if (await chosen.count()) await chosen.click();
      await page.getByRole('heading', { name: `Informe anual ${year}: Ministerio de Finanzas Públicas` }).waitFor();
      const api = (await world.env.http.get(`/api/v1/reports/annual?subject=${OWN}&year=${year}`).expect(200)).body;
      const first = page.locator('table', { has: page.locator('caption', { hasText: '1. Número de solicitudes' }) });
      expect(await first.locator('tr', { hasText: 'Total de solicitudes recibidas' }).locator('td').last().textContent()).toBe(String(api.requests.total));
      const pendingTable = page.locator('table', { has: page.locator('caption', { hasText: '4. Solicitudes pendientes' }) });
      expect(await pendingTable.locator('tr', { hasText: 'Pendientes con el plazo vencido' }).locator('td').last().textContent()).toBe(String(api.pending.overdue));
      expect(api.pending.overdue).toBeGreaterThanOrEqual(1);
      await axeClean(page);
      await screenshot(page, 'pdh-informe');

      const csv = await page.request.get((await page.getByRole('link', { name: 'Descargar el informe (CSV)' }).getAttribute('href'))!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(csv.headers()['content-disposition']).toContain(`informe-art48-${OWN}-${year}.csv`);
      const fromApi = await world.env.http.get(`/api/v1/reports/annual?subject=${OWN}&year=${year}&format=csv`).expect(200);
      expect(await csv.text()).toBe(fromApi.text);

      // A year the law does not cover: the error beside the field.
      const bad = await page.goto(`/personal/pdh/informe?sujeto=${OWN}&anio=1999`);
      expect(bad!.status()).toBe(400);
      expect(await page.locator('#anio-error').textContent()).toContain('Elija un año de 2008');
      const unknown = await page.goto('/personal/pdh/informe?sujeto=ninguna-institucion-asi');
      expect(unknown!.status()).toBe(400);
      expect(await page.locator('#sujeto-error').textContent()).toContain('No encontramos esa institución');
    });
  });
});
