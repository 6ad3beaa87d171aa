import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { RedisClient } from '@ventanilla/queue';
import argon2 from 'argon2';
import { normalizeAccessCode } from './codes';

/**
 * Checks a requester's access code against its hash. Wrong codes are counted per folio and
 * per client address in Redis; past the limit both answer 429 for a while, right code or not,
 * so guessing a 12-character code is hopeless.
 */
@Injectable()
export class AccessCodeVerifier {
  constructor(
    private readonly redis: RedisClient,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async verify(folio: string, clientIp: string, code: string | undefined, hash: string): Promise<void> {
    if (!code) {
      throw new AppError('UNAUTHORIZED', {
        es: 'Se requiere el código de acceso (encabezado X-Access-Code).',
        en: 'The access code is required (X-Access-Code header).',
      });
    }
    const keys = [`access-fail:folio:${folio}`, `access-fail:ip:${clientIp}`];
    const counts = await this.redis.client.mget(...keys).catch(() => [null, null]);
    const locked = counts.some((c) => Number(c ?? 0) >= this.config.ACCESS_CODE_MAX_FAILURES);
    if (locked) {
      const ttl = await this.redis.client.ttl(keys[0]).catch(() => this.config.ACCESS_CODE_LOCK_SECONDS);
      throw new AppError('RATE_LIMITED').withHeaders({ 'Retry-After': String(ttl > 0 ? ttl : this.config.ACCESS_CODE_LOCK_SECONDS) });
    }
    if (await argon2.verify(hash, normalizeAccessCode(code)).catch(() => false)) return;
    await this.redis.client
      .multi()
      .incr(keys[0])
      .expire(keys[0], this.config.ACCESS_CODE_LOCK_SECONDS, 'NX')
      .incr(keys[1])
      .expire(keys[1], this.config.ACCESS_CODE_LOCK_SECONDS, 'NX')
      .exec()
      .catch(() => undefined);
    throw new AppError('ACCESS_CODE_INVALID');
  }
}
