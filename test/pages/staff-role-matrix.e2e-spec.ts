import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { STAFF_PAGE_ROLES } from '@ventanilla/auth';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { randomUUID } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import { createStaffAccount, STAFF_ROLES, staffAgent, StaffRole } from './staff-pages';

/** Pages under /personal that a stranger must reach: the way in. */
const OPEN_PAGES = new Set(['GET /personal/entrar', 'POST /personal/entrar', 'POST /personal/salir']);

interface PageRoute {
  method: 'GET' | 'POST';
  path: string;
  /** `@StaffPage(...)`'s roles ([] = every staff role), or undefined without `@StaffPage`. */
  roles: string[] | undefined;
}

function joinPath(...parts: string[]): string {
  return `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
}

/** Every page route under /personal, read from Nest's router metadata: pages added later are covered by themselves. */
function personalRoutes(env: TestEnvironment): PageRoute[] {
  const routes: PageRoute[] = [];
  for (const module of env.api.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
      if (!controller) continue;
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classRoles = Reflect.getMetadata(STAFF_PAGE_ROLES, controller) as string[] | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        if (method !== RequestMethod.GET && method !== RequestMethod.POST) continue;
        const roles = (Reflect.getMetadata(STAFF_PAGE_ROLES, handler) as string[] | undefined) ?? classRoles;
        for (const base of bases) {
          for (const sub of ([] as string[]).concat(paths)) {
            const path = joinPath(base, sub);
            if (path === '/personal' || path.startsWith('/personal/')) routes.push({ method: method === RequestMethod.GET ? 'GET' : 'POST', path, roles });
          }
        }
      }
    }
  }
  return routes;
}

/** A concrete address for a route: every parameter gets a well-formed id nobody has. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('staff pages × roles, every route under /personal (e2e)', () => {
  let env: TestEnvironment;
  let routes: PageRoute[];
  const agents = new Map<StaffRole, TestAgent>();

  beforeAll(async () => {
    env = await startTestEnvironment();
    routes = personalRoutes(env);
    for (const role of STAFF_ROLES) agents.set(role, await staffAgent(env, await createStaffAccount(env, role)));
  });
  afterAll(() => env?.stop());

  it('finds the pages through the router metadata', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['GET /personal', 'GET /personal/entrar', 'POST /personal/salir', 'GET /personal/contrasena']));
  });

  it('guards every page under /personal with @StaffPage except the sign-in and sign-out', () => {
    const unguarded = routes.filter((r) => r.roles === undefined && !OPEN_PAGES.has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`);
    expect(unguarded).toEqual([]);
  });

  it('sends a stranger from every staff GET page to the sign-in', async () => {
    const misses: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.roles !== undefined)) {
      const res = await env.http.get(concrete(route.path));
      if (res.status !== 303 || !String(res.headers.location).startsWith('/personal/entrar')) misses.push(`${route.path}: ${res.status} ${res.headers.location ?? ''}`);
    }
    expect(misses).toEqual([]);
  });

  it('refuses each role the GET pages of the others with a 403 page in Spanish, and admits the listed ones', async () => {
    const misses: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.roles !== undefined)) {
      for (const role of STAFF_ROLES) {
        const res = await agents.get(role)!.get(concrete(route.path));
        const admitted = route.roles!.length === 0 || route.roles!.includes(role);
        if (!admitted && (res.status !== 403 || !res.text.includes('Esta página no es para su cuenta'))) misses.push(`${route.path} × ${role}: ${res.status}, expected 403`);
        if (admitted && (res.status === 403 || String(res.headers.location ?? '').startsWith('/personal/entrar'))) misses.push(`${route.path} × ${role}: ${res.status}, expected to be admitted`);
      }
    }
    expect(misses).toEqual([]);
  });
});
