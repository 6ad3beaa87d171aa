import type { CookieOptions, Request } from 'express';

/**
 * Cookie options for the pages: HttpOnly, SameSite=Lax, Secure when the service is served
 * over HTTPS, and no expiry — they last for the browser session.
 */
export function sessionCookieOptions(publicBaseUrl: string, path = '/'): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: publicBaseUrl.startsWith('https:'), path };
}

export function cookieOf(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
