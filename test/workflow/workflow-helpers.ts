import { filingBody, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { createUser, tokenFor } from '../auth/auth-helpers';

export const PASSWORD = 'contraseña-segura-1';
export const OWN = 'MINFIN';
export const OTHER = 'MINECO';

/** The staff a workflow suite needs: one account per role, officers and authorities for two subjects. */
export interface StaffTokens {
  admin: string;
  officer: string;
  otherOfficer: string;
  authority: string;
  otherAuthority: string;
  monitor: string;
}

let accounts = 0;

export async function createStaff(env: TestEnvironment): Promise<StaffTokens> {
  const admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
  const make = async (role: string, subjectCode?: string) => {
    accounts += 1;
    const email = `${role}.${subjectCode ?? 'all'}.${accounts}.${Date.now().toString(36)}@example.gob.gt`.toLowerCase();
    await createUser(env, admin, { email, password: PASSWORD, role, ...(subjectCode ? { subjectCode } : {}) }).expect(201);
    return tokenFor(env, email, PASSWORD);
  };
  return {
    admin,
    officer: await make('uip_officer', OWN),
    otherOfficer: await make('uip_officer', OTHER),
    authority: await make('highest_authority', OWN),
    otherAuthority: await make('highest_authority', OTHER),
    monitor: await make('pdh_monitor'),
  };
}

/** A request, as filing answers it, plus the first case and the requester's email. */
export interface Filed {
  folio: string;
  accessCode: string;
  caseId: string;
  email: string;
  cases: Record<string, unknown>[];
}

/** Files a request on the web to one subject (MINFIN by default), with its own requester email. */
export async function fileWeb(env: TestEnvironment, subject = OWN, label = 'req'): Promise<Filed> {
  const email = uniqueEmail(label);
  const res = await env.http
    .post('/api/v1/requests')
    .send(filingBody({ subjects: [subject], requester: { name: 'Ana López', email, phone: '+502 5555 0000', address: 'Zona 1, Guatemala' } }))
    .expect(201);
  return { folio: res.body.folio, accessCode: res.body.accessCode, caseId: res.body.cases[0].id, email, cases: res.body.cases };
}

/** An instant `days` calendar days ago, written with Guatemala's offset as an officer would. */
export function daysAgo(days: number, now = new Date()): string {
  const local = new Date(now.getTime() - days * 86_400_000 - 6 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}-06:00`;
}

export function registrationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { subjects: _subjects, ...content } = filingBody();
  return { ...content, channel: 'in_person', receivedAt: daysAgo(0), ...overrides };
}

/** Registers an in-person request at the officer's UIP, received `days` ago. */
export async function registerOld(env: TestEnvironment, officerToken: string, days: number, label = 'old'): Promise<Filed> {
  const email = uniqueEmail(label);
  const res = await env.http
    .post('/api/v1/cases')
    .set('Authorization', `Bearer ${officerToken}`)
    .send(registrationBody({ receivedAt: daysAgo(days), requester: { name: 'Juan Pérez', email } }))
    .expect(201);
  return { folio: res.body.folio, accessCode: res.body.accessCode, caseId: res.body.cases[0].id, email, cases: res.body.cases };
}

export function staffPost(env: TestEnvironment, token: string | null, path: string, body: unknown = {}) {
  const req = env.http.post(`/api/v1${path}`);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send(body as object);
}

export function staffGet(env: TestEnvironment, token: string | null, path: string) {
  const req = env.http.get(`/api/v1${path}`);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req;
}

export const RESOLUTION = { type: 'delivered', text: 'Se adjunta el presupuesto aprobado en formato electrónico.' };
export const DECISION = { outcome: 'revoked', text: 'Se revoca la resolución: la información es pública y debe entregarse.' };
export const APPEAL = { grounds: 'incomplete', text: 'La información entregada no incluye los anexos solicitados.' };

export function fileAppeal(env: TestEnvironment, filed: Pick<Filed, 'folio' | 'accessCode' | 'caseId'>, body: unknown = APPEAL) {
  return env.http
    .post(`/api/v1/requests/${filed.folio}/cases/${filed.caseId}/appeal`)
    .set('X-Access-Code', filed.accessCode)
    .send(body as object);
}

/**
 * What must not move when an action is refused. Events of the deadline watch (actor `system`)
 * arrive on their own for old cases, so only people's events are counted.
 */
export async function caseState(env: TestEnvironment, caseId: string): Promise<Record<string, unknown>> {
  const [row] = await env.db.query(
    `SELECT version, status, appeal_status, extended_due_date::text, resolved_at, transferred_to_case_id, updated_at,
            (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.actor_kind <> 'system') AS events,
            (SELECT count(*)::int FROM cases t WHERE t.transferred_from_case_id = c.id) AS transfers
     FROM cases c WHERE id = $1`,
    [caseId],
  );
  return row as Record<string, unknown>;
}

/** The text of the messages to an address, for asserting key content. */
export async function mailTo(env: TestEnvironment, address: string, subjectPart: string | RegExp, timeoutMs = 20000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  const matches = (s: string) => (typeof subjectPart === 'string' ? s.includes(subjectPart) : subjectPart.test(s));
  while (Date.now() < deadline) {
    const found = env.smtp.to(address).find((m) => matches(m.subject ?? ''));
    if (found) return { subject: found.subject ?? '', text: found.text ?? '' };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No llegó a ${address} un correo con asunto ${String(subjectPart)}; llegaron: ${env.smtp.to(address).map((m) => m.subject).join(' | ')}`);
}
