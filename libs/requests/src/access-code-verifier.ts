import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { DataSource } from 'typeorm';
import { checkAccessCode, isKeyedHash } from './access-code-hash';
import { AccessCodeLimiter } from './access-code-limiter';

/** What the verifier needs of a request. */
export interface AccessCodeHolder {
  id: string;
  folio: string;
  accessCodeHash: string;
}

/**
 * Checks a requester's access code against the limiter (per folio and address, and per
 * address): past the limits the answer is 429 whatever the code; a wrong code counts, a right
 * one never does, so the owner's own successes never count. A keyed-hash code is checked in
 * microseconds and settled with the counters in one Redis round trip; a legacy argon2id one is
 * reserved first (so guesses cannot make us spend its CPU) and refunded when right.
 */
@Injectable()
export class AccessCodeVerifier {
  constructor(
    private readonly limiter: AccessCodeLimiter,
    private readonly dataSource: DataSource,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async verify(request: AccessCodeHolder, clientIp: string, code: string | undefined): Promise<void> {
    if (!code) {
      throw new AppError('UNAUTHORIZED', {
        es: 'Se requiere el código de acceso (encabezado X-Access-Code).',
        en: 'The access code is required (X-Access-Code header).',
      });
    }
    if (isKeyedHash(request.accessCodeHash)) {
      // Microseconds of HMAC: checked first, and its outcome applied with the counters in one
      // round trip. The answer still waits on the counters: past a limit it is 429 for any code.
      const { valid } = await checkAccessCode(this.config.ACCESS_CODE_SECRET, code, request.accessCodeHash);
      const attempt = await this.limiter.settle(request.folio, clientIp, valid);
      if (!('allowed' in attempt)) throw rateLimited(attempt.retryAfterSeconds);
      if (!valid) throw new AppError('ACCESS_CODE_INVALID');
      return;
    }
    // A legacy argon2id hash costs ~86 ms of CPU: its attempt is reserved before that is spent.
    const attempt = await this.limiter.reserve(request.folio, clientIp);
    if (!('reserved' in attempt)) throw rateLimited(attempt.retryAfterSeconds);
    const check = await checkAccessCode(this.config.ACCESS_CODE_SECRET, code, request.accessCodeHash);
    if (!check.valid) throw new AppError('ACCESS_CODE_INVALID');
    await this.limiter.refund(attempt.reserved);
    if (check.rehash) {
      // A request filed while codes were argon2id: from now on its check costs microseconds.
      await this.dataSource.query(`UPDATE requests SET access_code_hash = $1 WHERE id = $2 AND access_code_hash = $3`, [
        check.rehash,
        request.id,
        request.accessCodeHash,
      ]);
    }
  }
}

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', {
    es: 'Demasiados códigos de acceso equivocados desde esta dirección. Espere e intente de nuevo.',
    en: 'Too many wrong access codes from this address. Wait and try again.',
  }).withHeaders({ 'Retry-After': String(retryAfterSeconds) });
}
