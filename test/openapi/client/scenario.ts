import type { Client } from 'openapi-fetch';
// Written by the e2e test from the running api's /api/docs-json (openapi-typescript), then this
// file is compiled against it: a document that lies about a shape or a header breaks the build.
import type { components, paths } from './generated/api';

type Case = components['schemas']['Case'];
type StaffCase = components['schemas']['StaffCase'];

export interface ScenarioAccounts {
  adminEmail: string;
  adminPassword: string;
  officerEmail: string;
  officerPassword: string;
  requesterEmail: string;
}

export interface ScenarioResult {
  folio: string;
  filedCase: Case;
  publicCases: Case[];
  requesterName: string;
  resolved: StaffCase;
  statsReceived: number;
  overdueTotal: number;
}

function data<T>(answer: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (answer.data === undefined) throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** File, look up (public and requester), an officer resolves, the statistics count it: all through the generated client. */
export async function runScenario(client: Client<paths>, accounts: ScenarioAccounts): Promise<ScenarioResult> {
  // No Idempotency-Key: it compiles only because the document says the header is optional.
  const filed = data(
    await client.POST('/api/v1/requests', {
      body: {
        subjects: ['MINFIN'],
        description: 'Copia de las actas del consejo de 2026, por el cliente generado',
        requester: { name: 'Ana López', email: accounts.requesterEmail },
        deliveryFormat: 'electronic',
      },
    }),
    'presentar',
  );
  const { folio, accessCode } = filed;
  const publicView = data(await client.GET('/api/v1/requests/{folio}', { params: { path: { folio } } }), 'vista pública');
  const mine = data(
    await client.GET('/api/v1/requests/{folio}', { params: { path: { folio }, header: { 'X-Access-Code': accessCode } } }),
    'vista del requirente',
  );
  const requesterName = 'requester' in mine ? mine.requester.name : '';

  const admin = data(await client.POST('/api/v1/auth/login', { body: { email: accounts.adminEmail, password: accounts.adminPassword } }), 'admin');
  data(
    await client.POST('/api/v1/users', {
      body: { email: accounts.officerEmail, password: accounts.officerPassword, role: 'uip_officer', subjectCode: 'MINFIN' },
      headers: { Authorization: `Bearer ${admin.accessToken}` },
    }),
    'crear oficial',
  );
  const officer = data(
    await client.POST('/api/v1/auth/login', { body: { email: accounts.officerEmail, password: accounts.officerPassword } }),
    'oficial',
  );
  const auth = { Authorization: `Bearer ${officer.accessToken}` };
  const caseId = filed.cases[0].id;
  const opened = data(await client.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } }, headers: auth }), 'caso');
  if (opened.description !== 'Copia de las actas del consejo de 2026, por el cliente generado') throw new Error('el oficial no ve la descripción');
  const resolved = data(
    await client.POST('/api/v1/cases/{id}/resolution', {
      params: { path: { id: caseId } },
      body: { type: 'delivered', text: 'Se adjuntan las actas solicitadas.' },
      headers: auth,
    }),
    'resolver',
  );
  const year = filed.cases[0].receivedOn.slice(0, 4);
  const stats = data(await client.GET('/api/v1/stats/subjects', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } } }), 'estadísticas');
  const minfin = stats.items.find((item) => item.subject.code === 'MINFIN');
  const overdue = data(await client.GET('/api/v1/stats/overdue', { params: { query: { subject: 'MINFIN' } } }), 'vencidos');
  return {
    folio,
    filedCase: filed.cases[0],
    publicCases: publicView.cases,
    requesterName,
    resolved,
    statsReceived: minfin?.received ?? 0,
    overdueTotal: overdue.total,
  };
}
