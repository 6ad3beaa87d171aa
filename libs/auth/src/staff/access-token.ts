import type { JwtModuleOptions } from '@nestjs/jwt';
import type { EnvDto } from '@ventanilla/config';
import { Role } from './roles';

/** What an access token carries; the guard still re-reads the user row on every request. */
export interface AccessTokenPayload {
  sub: string;
  email: string;
  role: Role;
  subjectCode: string | null;
  /** The account's token generation when issued; a token of an older generation is refused. */
  gen: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * JWT_EXPIRES_IN as seconds ('8h', '30m', '3600'). jsonwebtoken would read a bare '3600'
 * as milliseconds and only fail on a typo when the first token is signed, so it is parsed here, at boot.
 */
export function tokenLifetimeSeconds(value: string): number {
  const match = /^\s*(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?|d|days?)?\s*$/i.exec(value);
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's')[0].toLowerCase()] : 0;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`JWT_EXPIRES_IN inválido: "${value}" (use p. ej. 3600, 30m, 8h o 1d)`);
  }
  return seconds;
}

/** One algorithm, pinned on both sides, so a token can never choose how it is checked. */
export function jwtOptions(config: EnvDto): JwtModuleOptions {
  return {
    secret: config.JWT_SECRET,
    signOptions: { algorithm: 'HS256', expiresIn: tokenLifetimeSeconds(config.JWT_EXPIRES_IN) },
    verifyOptions: { algorithms: ['HS256'] },
  };
}
