export const SIGN_IN_PAGE = '/personal/entrar';
/** Where a sign-in goes when it has no (acceptable) way back: the role's home. */
export const STAFF_HOME = '/personal';

const PLACEHOLDER_ORIGIN = 'http://ventanilla.invalid';
/** Pages a sign-in must not return to: itself, and the sign-out (a POST). */
const NOT_A_RETURN = new Set([SIGN_IN_PAGE, '/personal/salir']);

/**
 * The `volver` of a sign-in as a path on this site under `/personal`, or the staff home. Only a
 * same-origin path survives: `//evil.example`, `/\evil.example`, `https://…`, `javascript:`,
 * encoded tricks and paths outside `/personal` all fall back to the home (no open redirect).
 */
export function safeReturnPath(volver: unknown): string {
  if (typeof volver !== 'string' || volver.length === 0 || volver.length > 2000) return STAFF_HOME;
  // A path starts with exactly one slash; backslashes and control characters are read as slashes by some browsers.
  if (!volver.startsWith('/') || volver.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(volver)) return STAFF_HOME;
  let url: URL;
  try {
    url = new URL(volver, PLACEHOLDER_ORIGIN);
  } catch {
    return STAFF_HOME;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return STAFF_HOME;
  if (url.pathname !== STAFF_HOME && !url.pathname.startsWith(`${STAFF_HOME}/`)) return STAFF_HOME;
  if (NOT_A_RETURN.has(url.pathname)) return STAFF_HOME;
  return `${url.pathname}${url.search}`;
}

/** The sign-in page, remembering the page asked for (only a GET's address is worth coming back to). */
export function signInPath(back?: string, expired = false): string {
  const query = new URLSearchParams();
  const target = back === undefined ? STAFF_HOME : safeReturnPath(back);
  if (target !== STAFF_HOME) query.set('volver', target);
  if (expired) query.set('caducada', '1');
  const text = query.toString();
  return text ? `${SIGN_IN_PAGE}?${text}` : SIGN_IN_PAGE;
}
