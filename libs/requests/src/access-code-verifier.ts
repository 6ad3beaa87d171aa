import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { DataSource } from 'typeorm';
import { checkAccessCode } from './access-code-hash';
import { AccessCodeLimiter } from './access-code-limiter';

/** What the verifier needs of a request. */
export interface AccessCodeHolder {
  id: string;
  folio: string;
  accessCodeHash: string;
}

/**
 * Checks a requester's access code. Each attempt is first reserved with the limiter (per folio
 * and address, and per address), so past the limits the answer is 429 without the code being
 * looked at; a right code gives its reservation back, so the owner's own successes never count.
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
    const attempt = await this.limiter.reserve(request.folio, clientIp);
    if (!('reserved' in attempt)) {
      throw new AppError('RATE_LIMITED', {
        es: 'Demasiados códigos de acceso equivocados desde esta dirección. Espere e intente de nuevo.',
        en: 'Too many wrong access codes from this address. Wait and try again.',
      }).withHeaders({ 'Retry-After': String(attempt.retryAfterSeconds) });
    }
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
