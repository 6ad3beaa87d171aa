import { Inject, Injectable } from '@nestjs/common';
import { EnvDto, seal, Sealed, unseal } from '@ventanilla/config';
import { cookieOf, sessionCookieOptions } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { AppError } from '@ventanilla/http';
import { normalizeAccessCode, normalizeFolio } from '../codes';

const COOKIE = 'vt_acceso';
const CONTEXT = 'requester-session';

/**
 * Remembers a request's access code for the browser session, so the requester types it once
 * and it never appears in an address: an HttpOnly cookie scoped to `/solicitudes/{folio}`,
 * sealed with AES-256-GCM under the server secret. Each use is still checked against the
 * stored hash (and its failure limits) by the same verifier as the API.
 */
@Injectable()
export class RequesterSession {
  constructor(@Inject(EnvDto) private readonly config: EnvDto) {}

  remember(res: Response, folio: string, accessCode: string): void {
    const sealed = seal(this.config.JWT_SECRET, `${CONTEXT}\n${folio}`, normalizeAccessCode(accessCode));
    res.cookie(COOKIE, Buffer.from(JSON.stringify(sealed)).toString('base64url'), sessionCookieOptions(this.config.PUBLIC_BASE_URL, requestPagePath(folio)));
  }

  /** The code this browser entered for `folio`, or undefined. */
  accessCode(req: Request, folio: string): string | undefined {
    const value = cookieOf(req, COOKIE);
    if (!value) return undefined;
    try {
      const sealed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Sealed;
      return unseal<string>(this.config.JWT_SECRET, `${CONTEXT}\n${folio}`, sealed);
    } catch {
      return undefined; // another folio's cookie, a tampered one, or one sealed under an old secret
    }
  }

  forget(res: Response, folio: string): void {
    res.clearCookie(COOKIE, sessionCookieOptions(this.config.PUBLIC_BASE_URL, requestPagePath(folio)));
  }
}

export function requestPagePath(folio: string): string {
  return `/solicitudes/${encodeURIComponent(folio)}`;
}

/** The folio as the cookie's path has it; anything that is not a folio is a missing page. */
export function canonicalFolio(input: string): string {
  const folio = normalizeFolio(input);
  if (!folio) throw AppError.notFound({ es: `No existe la solicitud con folio ${input}.`, en: `There is no request ${input}.` });
  return folio;
}
