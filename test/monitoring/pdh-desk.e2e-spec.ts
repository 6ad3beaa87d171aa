import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import TestAgent from 'supertest/lib/agent';
import { createStaffAccount, staffAgent } from '../pages/staff-pages';
import { createStaff, fileWeb, OWN, RESOLUTION, staffGet, staffPost, StaffTokens } from '../workflow/workflow-helpers';

const EXTENSION = { reason: 'La información está en varios archivos que hay que reunir y copiar.' };

/** The numbers of a body's row on the desk, in the columns' order. */
function deskRow(html: string, code: string): number[] {
  const row = new RegExp(`<tr><td><a href="/personal/pdh/informe\\?sujeto=${code}&amp;[^"]*">[^<]*</a></td>([\\s\\S]*?)</tr>`).exec(html);
  if (!row) throw new Error(`El panel no tiene la fila de ${code}`);
  return [...row[1].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => Number(m[1].trim()));
}

describe("the PDH desk's figures are the API's (e2e)", () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;
  let pdh: TestAgent;

  beforeAll(async () => {
    env = await startTestEnvironment();
    tokens = await createStaff(env);
    pdh = await staffAgent(env, await createStaffAccount(env, 'pdh_monitor'));
  });
  afterAll(() => env?.stop());

  it("'con prórroga' counts every case whose term was extended, answered since or not, as the API's extended does (Art. 48, item 5)", async () => {
    const extendedThenResolved = await fileWeb(env, OWN, 'desk-prorroga-resuelta');
    const extendedOpen = await fileWeb(env, OWN, 'desk-prorroga-abierta');
    await fileWeb(env, OWN, 'desk-sin-prorroga');
    for (const c of [extendedThenResolved, extendedOpen]) await staffPost(env, tokens.officer, `/cases/${c.caseId}/extension`, EXTENSION).expect(200);
    await staffPost(env, tokens.officer, `/cases/${extendedThenResolved.caseId}/resolution`, RESOLUTION).expect(200);

    const year = new Date(Date.now() - 6 * 3_600_000).getUTCFullYear();
    const api = (await staffGet(env, null, `/stats/subjects?from=${year}-01-01&to=${year}-12-31`).expect(200)).body.items.find(
      (i: { subject: { code: string } }) => i.subject.code === OWN,
    );
    expect(api).toMatchObject({ received: 3, open: 2, extended: 2 });

    const desk = await pdh.get(`/personal/pdh?anio=${year}`).expect(200);
    // Institución | recibidas, abiertas, vencidas, con prórroga, denegadas, …
    const [received, open, overdue, extended] = deskRow(desk.text, OWN);
    expect({ received, open, overdue, extended }).toEqual({ received: api.received, open: api.open, overdue: api.overdue, extended: api.extended });
  });
});
