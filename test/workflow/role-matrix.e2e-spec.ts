import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import {
  caseState, createStaff, DECISION, fileAppeal, fileWeb, registrationBody, RESOLUTION, staffGet, staffPost, StaffTokens,
} from './workflow-helpers';

type Role = 'none' | 'officer' | 'otherOfficer' | 'authority' | 'otherAuthority' | 'monitor' | 'admin';
const ROLES: Role[] = ['none', 'officer', 'otherOfficer', 'authority', 'otherAuthority', 'monitor', 'admin'];

/** One staff endpoint: how to prepare a target, call it, and count what a refusal must leave alone. */
interface Endpoint {
  name: string;
  expected: Record<Role, number>;
  /** Prepares what the call acts on; returns the path and body. */
  prepare: () => Promise<{ method: 'get' | 'post'; path: string; body?: unknown; caseId?: string }>;
  /** A snapshot that a refused call must not change. */
  snapshot: (caseId?: string) => Promise<unknown>;
}

// Officers act for their own subject only (another subject's case is 404); the highest
// authority decides appeals and nothing else; the PDH and admins change no case.
const READ_ALL = { none: 401, officer: 200, otherOfficer: 200, authority: 200, otherAuthority: 200, monitor: 200, admin: 200 };
const READ_ONE = { none: 401, officer: 200, otherOfficer: 404, authority: 200, otherAuthority: 404, monitor: 200, admin: 200 };
const UIP_ACTION = { none: 401, officer: 200, otherOfficer: 404, authority: 403, otherAuthority: 403, monitor: 403, admin: 403 };
const REGISTER = { none: 401, officer: 201, otherOfficer: 201, authority: 403, otherAuthority: 403, monitor: 403, admin: 403 };
const DECIDE = { none: 401, officer: 403, otherOfficer: 403, authority: 200, otherAuthority: 404, monitor: 403, admin: 403 };
const ADMIN_ONLY = { none: 401, officer: 403, otherOfficer: 403, authority: 403, otherAuthority: 403, monitor: 403, admin: 201 };

describe('staff endpoints × roles (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;

  beforeAll(async () => {
    env = await startTestEnvironment();
    tokens = await createStaff(env);
  });
  afterAll(() => env?.stop());

  const tokenOf = (role: Role): string | null => (role === 'none' ? null : tokens[role]);
  const count = async (table: string) => (await env.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const onCase = (action: string, body: unknown) => async () => {
    const filed = await fileWeb(env);
    return { method: 'post' as const, path: `/cases/${filed.caseId}/${action}`, body, caseId: filed.caseId };
  };
  const caseSnapshot = (caseId?: string) => caseState(env, caseId!);
  let users = 0;

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'GET /cases',
      expected: READ_ALL,
      prepare: async () => ({ method: 'get', path: '/cases' }),
      snapshot: () => count('cases'),
    },
    {
      name: 'GET /cases/{id}',
      expected: READ_ONE,
      prepare: async () => {
        const filed = await fileWeb(env);
        return { method: 'get', path: `/cases/${filed.caseId}`, caseId: filed.caseId };
      },
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /cases',
      expected: REGISTER,
      prepare: async () => ({ method: 'post', path: '/cases', body: registrationBody() }),
      snapshot: async () => [await count('requests'), await count('cases')],
    },
    {
      name: 'POST /cases/{id}/clarification-request',
      expected: UIP_ACTION,
      prepare: onCase('clarification-request', { text: 'Indique el año fiscal al que se refiere, por favor.' }),
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /cases/{id}/extension',
      expected: UIP_ACTION,
      prepare: onCase('extension', { reason: 'El volumen de la información requiere más tiempo para reunirla.' }),
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /cases/{id}/resolution',
      expected: UIP_ACTION,
      prepare: onCase('resolution', RESOLUTION),
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /cases/{id}/transfer',
      expected: UIP_ACTION,
      prepare: onCase('transfer', { toSubject: 'SAT', reason: 'La información es competencia de la SAT.' }),
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /cases/{id}/appeal/decision',
      expected: DECIDE,
      prepare: async () => {
        const filed = await fileWeb(env);
        await staffPost(env, tokens.officer, `/cases/${filed.caseId}/resolution`, RESOLUTION).expect(200);
        await fileAppeal(env, filed).expect(201);
        return { method: 'post', path: `/cases/${filed.caseId}/appeal/decision`, body: DECISION, caseId: filed.caseId };
      },
      snapshot: caseSnapshot,
    },
    {
      name: 'POST /users',
      expected: ADMIN_ONLY,
      prepare: async () => {
        users += 1;
        return { method: 'post', path: '/users', body: { email: `matrix.${users}.${Date.now()}@example.gob.gt`, password: 'contraseña-segura-2', role: 'pdh_monitor' } };
      },
      snapshot: () => count('users'),
    },
    {
      name: 'POST /calendar/non-business-days',
      expected: ADMIN_ONLY,
      // Far in the future: the declaration moves no open case of the other rows.
      prepare: async () => ({ method: 'post', path: '/calendar/non-business-days', body: { date: '2099-03-02', name: 'Asueto de prueba' } }),
      snapshot: () => count('non_business_days'),
    },
  ];

  const rows = ENDPOINTS.flatMap((endpoint) => ROLES.map((role) => [endpoint.name, role, endpoint.expected[role], endpoint] as const));

  it('documents every staff endpoint with bearer auth in the OpenAPI document', async () => {
    const { paths } = (await env.http.get('/api/docs-json').expect(200)).body;
    for (const [path, method] of [
      ['/api/v1/cases', 'get'], ['/api/v1/cases/{id}', 'get'], ['/api/v1/cases', 'post'],
      ['/api/v1/cases/{id}/clarification-request', 'post'], ['/api/v1/cases/{id}/extension', 'post'],
      ['/api/v1/cases/{id}/resolution', 'post'], ['/api/v1/cases/{id}/transfer', 'post'], ['/api/v1/cases/{id}/appeal/decision', 'post'],
    ]) {
      expect(paths[path][method].security).toEqual([{ bearer: [] }]);
    }
    expect(paths['/api/v1/requests/{folio}/cases/{caseId}/appeal'].post.security).toBeUndefined();
  });

  it.each(rows)('%s as %s → %i', async (_name, role, expected, endpoint) => {
    const target = await endpoint.prepare();
    const before = await endpoint.snapshot(target.caseId);
    const token = tokenOf(role);
    const res = target.method === 'get' ? await staffGet(env, token, target.path) : await staffPost(env, token, target.path, target.body);
    expect({ status: res.status, error: res.body.error }).toMatchObject({ status: expected });
    if (expected >= 400) {
      const code = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[expected as 401 | 403 | 404];
      expect(res.body).toMatchObject({ statusCode: expected, error: code });
      expect(await endpoint.snapshot(target.caseId)).toEqual(before);
    }
  });
});
