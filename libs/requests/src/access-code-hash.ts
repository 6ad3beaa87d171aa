import argon2 from 'argon2';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeAccessCode } from './codes';

/**
 * How access codes are stored. A code has ~59 random bits (12 characters of 31), so a keyed
 * fast hash is enough: without `ACCESS_CODE_SECRET` a stolen table cannot be checked against
 * any guess, and with it each check costs microseconds rather than argon2id's ~86 ms of CPU,
 * which anyone could spend at will by filing or guessing. Staff passwords, chosen by people,
 * stay argon2id.
 */
const PREFIX = 'hmac-sha256$';

export function hashAccessCode(secret: string, code: string): string {
  return PREFIX + createHmac('sha256', secret).update(normalizeAccessCode(code)).digest('base64url');
}

/** A hash made by `hashAccessCode` (not a legacy argon2id one). */
export function isKeyedHash(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export interface AccessCodeCheck {
  valid: boolean;
  /** Set when the stored hash is a legacy argon2 one and the code matched: store this instead. */
  rehash?: string;
}

/** Checks a code against its stored hash: HMAC-SHA-256 now, argon2 for requests filed before. */
export async function checkAccessCode(secret: string, code: string, stored: string): Promise<AccessCodeCheck> {
  if (isKeyedHash(stored)) {
    const expected = Buffer.from(stored);
    const actual = Buffer.from(hashAccessCode(secret, code));
    return { valid: expected.length === actual.length && timingSafeEqual(expected, actual) };
  }
  const valid = await argon2.verify(stored, normalizeAccessCode(code)).catch(() => false);
  return valid ? { valid, rehash: hashAccessCode(secret, code) } : { valid };
}
