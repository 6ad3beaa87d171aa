import { TestEnvironment } from '@ventanilla/testing';

export interface UserBody {
  email?: unknown;
  password?: unknown;
  role?: unknown;
  subjectCode?: unknown;
  [extra: string]: unknown;
}

export function login(env: TestEnvironment, email: string, password: string) {
  return env.http.post('/api/v1/auth/login').send({ email, password });
}

/** Logs in and returns the bearer token, failing the test on anything but 200. */
export async function tokenFor(env: TestEnvironment, email: string, password: string): Promise<string> {
  const res = await login(env, email, password).expect(200);
  return res.body.accessToken as string;
}

export function createUser(env: TestEnvironment, token: string | null, body: UserBody) {
  const req = env.http.post('/api/v1/users');
  if (token !== null) req.set('Authorization', `Bearer ${token}`);
  return req.send(body);
}

export async function countUsers(env: TestEnvironment): Promise<number> {
  const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM users`);
  return n as number;
}

/** The claims of a JWT, without checking it (the api does that). */
export function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
