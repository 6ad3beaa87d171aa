import { createHash } from 'node:crypto';

/**
 * Failed logins allowed per window before 429. The per-address limit is higher because a
 * whole municipal office may sit behind one address; it stops spraying many accounts.
 */
export const LOGIN_LIMITS = { perEmail: 10, perAddress: 50, windowSeconds: 15 * 60 } as const;

/** One Redis counter after this attempt was added: its value, its remaining life (PTTL) and its limit. */
export interface CounterState {
  count: number;
  pttlMs: number;
  max: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The attempt is refused once any counter, this attempt included, passes its limit; the client
 * may retry when the last such counter expires.
 */
export function throttleVerdict(counters: CounterState[], windowSeconds: number = LOGIN_LIMITS.windowSeconds): ThrottleVerdict {
  const over = counters.filter((c) => c.count > c.max);
  if (over.length === 0) return { allowed: true };
  const waits = over.map((c) => (c.pttlMs === -1 ? windowSeconds : Math.ceil(Math.max(c.pttlMs, 1000) / 1000)));
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/** Counter keys; the email is hashed so Redis holds no addresses of people. */
export function loginCounterKeys(email: string, address: string): { email: string; address: string } {
  const emailHash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
  // Express reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; both spellings are one client.
  const client = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') || 'desconocida';
  return { email: `auth:login-failures:email:${emailHash}`, address: `auth:login-failures:address:${client}` };
}
