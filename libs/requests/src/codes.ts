import { randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a folio read aloud or typed on a phone survives. */
const FOLIO_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Access codes avoid 0/O and 1/I/L altogether. */
const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 12;

function randomString(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** `VT-2026-K7M4-Q9XP`: 17 characters, the filing year, 40 random bits. */
export function newFolio(year: number): string {
  const random = randomString(FOLIO_ALPHABET, 8);
  return `VT-${year}-${random.slice(0, 4)}-${random.slice(4)}`;
}

/** Reads a folio as a person may type it: any case, spaces, and O/I/L for 0/1/1. */
export function normalizeFolio(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^VT(\d{4})([0-9A-Z]{8})$/.exec(compact);
  if (!match) return null;
  const body = match[2].replace(/O/g, '0').replace(/[IL]/g, '1');
  if ([...body].some((ch) => !FOLIO_ALPHABET.includes(ch))) return null;
  return `VT-${match[1]}-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function newAccessCode(): string {
  return randomString(ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH);
}

export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
