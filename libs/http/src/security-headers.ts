import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { EnvDto } from '@ventanilla/config';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The one Content-Security-Policy of the service, sent with every answer: the server-rendered
 * pages (#14) load scripts, styles, fonts and images from this origin only and use no inline
 * script or style; nothing may frame them; forms post only here.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
};

/** Swagger UI (`/api/docs`, a third party's page) writes inline styles; it gets only that allowance. */
const DOCS_CONTENT_SECURITY_POLICY = { ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] };

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers helmet sets for a policy, asked of helmet once: they depend on nothing in the
 * request (no nonces), so each answer gets the same list without helmet's chain of middleware.
 */
export function helmetHeaders(csp: Record<string, string[]>): [string, string][] {
  const middleware = helmet({
    // `useDefaults: false`: exactly the policy above (helmet's default adds upgrade-insecure-requests,
    // which would break a deployment served over plain HTTP on a ministry's LAN).
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    frameguard: { action: 'deny' },
    // HSTS only when the request really came over TLS (below).
    strictTransportSecurity: false,
  });
  const set: [string, string][] = [];
  const recorder = { setHeader: (name: string, value: unknown) => set.push([name, String(value)]), removeHeader: () => undefined };
  let done = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not answer at once: its headers cannot be computed ahead');
  return set;
}

/**
 * helmet's headers on every answer: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and
 * `frame-ancestors 'none'`, the CSP, no `X-Powered-By`; HSTS when the request came over TLS —
 * directly, or as the proxy that `TRUST_PROXY` trusts says in `X-Forwarded-Proto`.
 */
export function useSecurityHeaders(app: INestApplication): void {
  (app as NestExpressApplication).disable('x-powered-by');
  const api = helmetHeaders(CONTENT_SECURITY_POLICY);
  const docs = helmetHeaders(DOCS_CONTENT_SECURITY_POLICY);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    for (const [name, value] of req.path.startsWith('/api/docs') ? docs : api) res.setHeader(name, value);
    next();
  });
}

/** The reads anyone may embed: subjects, requests by folio, calendar, statistics, reports, open data. */
const PUBLIC_READ = /^\/api\/v1\/(subjects|requests|calendar|stats|reports|open-data)(\/|$)/;
const EXPOSED = ['Retry-After', 'Content-Disposition', 'ETag'];

/**
 * CORS as the contract says: public GETs answer any origin (no credentials are involved: the
 * access code travels in a header the caller sets); writes and staff endpoints answer only the
 * origins in `CORS_ORIGINS`. Preflights are answered here, before any guard.
 */
export function useCors(app: INestApplication, config: EnvDto): void {
  const allowed = new Set((config.CORS_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean));
  const publicRead: CorsOptions = {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['Accept', 'Accept-Language', 'X-Access-Code'],
    exposedHeaders: EXPOSED,
    maxAge: 600,
  };
  const trusted: CorsOptions = {
    origin: true,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Accept', 'Accept-Language', 'Authorization', 'Content-Type', 'Idempotency-Key', 'X-Access-Code'],
    exposedHeaders: EXPOSED,
    maxAge: 600,
  };
  app.enableCors((req: Request, callback: (error: Error | null, options: CorsOptions) => void) => {
    const method = (req.method === 'OPTIONS' ? req.header('access-control-request-method') : req.method)?.toUpperCase();
    const origin = req.header('origin')?.replace(/\/$/, '');
    if ((method === 'GET' || method === 'HEAD') && PUBLIC_READ.test(req.path)) return callback(null, publicRead);
    if (origin && allowed.has(origin)) return callback(null, trusted);
    callback(null, { origin: false });
  });
}
