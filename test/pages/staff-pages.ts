import { TestEnvironment } from '@ventanilla/testing';
import { Page } from 'playwright-core';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createUser, tokenFor } from '../auth/auth-helpers';
import { PagesWorld } from './browser';

/** The staff roles as the API names them. */
export type StaffRole = 'uip_officer' | 'highest_authority' | 'pdh_monitor' | 'admin';
export const STAFF_ROLES: StaffRole[] = ['uip_officer', 'highest_authority', 'pdh_monitor', 'admin'];
export const STAFF_PASSWORD = 'contraseña-de-prueba-1';

export interface StaffAccount {
  id: string;
  email: string;
  password: string;
  role: StaffRole;
  subjectCode: string | null;
}

let accounts = 0;

/**
 * A new account made through the API by the first administrator (officers and highest
 * authorities of MINFIN unless told). The `admin` role gets a new admin of its own too, so a
 * suite may deactivate or reset it without touching the bootstrap account.
 */
export async function createStaffAccount(env: TestEnvironment, role: StaffRole, subjectCode?: string): Promise<StaffAccount> {
  const admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
  accounts += 1;
  const bound = role === 'uip_officer' || role === 'highest_authority' ? (subjectCode ?? 'MINFIN') : null;
  const email = `pagina.${role}.${(bound ?? 'todos').toLowerCase()}.${accounts}.${Date.now().toString(36)}@example.gob.gt`;
  const res = await createUser(env, admin, { email, password: STAFF_PASSWORD, role, ...(bound ? { subjectCode: bound } : {}) }).expect(201);
  return { id: res.body.id as string, email, password: STAFF_PASSWORD, role, subjectCode: bound };
}

/** Signs in through the form at `/personal/entrar`, as a person would, and waits to be let in. */
export async function signInWith(page: Page, account: Pick<StaffAccount, 'email' | 'password'>, path = '/personal/entrar'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname !== '/personal/entrar');
}

/** The browser-test helper of the staff pages: a new account of `role`, signed in on `page`. */
export async function signInAs(page: Page, world: PagesWorld, role: StaffRole, subjectCode?: string): Promise<StaffAccount> {
  const account = await createStaffAccount(world.env, role, subjectCode);
  await signInWith(page, account);
  return account;
}

/** The hidden CSRF token of the page's (first) form. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('La página no tiene un formulario con su token CSRF');
  return match[1];
}

/**
 * The same sign-in without a browser, for suites that check statuses and redirects: a
 * supertest agent that keeps its cookies, signed in through the form's POST.
 */
export async function staffAgent(env: TestEnvironment, account: Pick<StaffAccount, 'email' | 'password'>): Promise<TestAgent> {
  const agent = request.agent(env.api.getHttpServer());
  const form = await agent.get('/personal/entrar').expect(200);
  await agent
    .post('/personal/entrar')
    .type('form')
    .send({ _csrf: csrfTokenOf(form.text), correo: account.email, contrasena: account.password })
    .expect(303);
  return agent;
}

/** The CSRF token a signed-in agent's forms carry (any staff page with a form, e.g. the sign-out button). */
export async function agentCsrf(agent: TestAgent, path = '/personal/contrasena'): Promise<string> {
  return csrfTokenOf((await agent.get(path)).text);
}
