import { HttpException, Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { createHmac, randomBytes } from 'node:crypto';
import { cookieOf, sessionCookieOptions } from './cookies';

/** The anonymous browser session the CSRF token is bound to (no account: just a random id). */
export const SESSION_COOKIE = 'vt_sesion';
export const CSRF_COOKIE = 'vt_csrf';
export const CSRF_FIELD = '_csrf';

/** A form post without a valid token: the page is old or the post came from another site. */
export class CsrfError extends HttpException {
  constructor() {
    super('CSRF', 403);
  }
}

/**
 * CSRF protection for every form post (csrf-csrf's signed double-submit cookie): the token
 * in the form must match the cookie and be signed for this browser's session id.
 */
@Injectable()
export class CsrfProtection {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(EnvDto) private readonly config: EnvDto) {
    const secret = createHmac('sha256', config.JWT_SECRET).update('ventanilla-csrf').digest('base64url');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => cookieOf(req, SESSION_COOKIE) ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: sessionCookieOptions(config.PUBLIC_BASE_URL),
      getCsrfTokenFromRequest: (req) => {
        const body = req.body as Record<string, unknown> | undefined;
        return typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined;
      },
    });
  }

  /** The token for this browser's forms; starts the anonymous session when there is none. */
  token(req: Request, res: Response): string {
    if (!cookieOf(req, SESSION_COOKIE)) {
      const id = randomBytes(18).toString('base64url');
      res.cookie(SESSION_COOKIE, id, sessionCookieOptions(this.config.PUBLIC_BASE_URL));
      req.cookies = { ...(req.cookies as Record<string, string> | undefined), [SESSION_COOKIE]: id };
    }
    return this.csrf.generateCsrfToken(req, res);
  }

  verify(req: Request): void {
    if (!cookieOf(req, SESSION_COOKIE) || !this.csrf.validateRequest(req)) throw new CsrfError();
  }

  /** For a form whose body is not parsed before its handler (a multipart upload): the token as the form sent it. */
  verifyToken(req: Request, token: string | undefined): void {
    const body: unknown = req.body;
    req.body = { [CSRF_FIELD]: token };
    try {
      this.verify(req);
    } finally {
      req.body = body;
    }
  }
}
