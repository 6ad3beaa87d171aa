import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { addressKey, AppError } from '@ventanilla/http';
import type { Request } from 'express';

/**
 * @nestjs/throttler's guard for the per-address limits of anonymous requests (filing, routing
 * suggestions, search), counting per client address (IPv6 by its /64, behind a proxy the
 * address `TRUST_PROXY` reveals) and answering the contract's 429.
 */
@Injectable()
export class AddressLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return addressKey((req as unknown as Request).ip ?? '');
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooMany(detail.timeToBlockExpire);
  }
}

/** 429 `RATE_LIMITED`, in Spanish by default, with `Retry-After` in seconds. */
export function tooMany(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', {
    es: 'Se alcanzó el límite de envíos desde esta conexión. Intente de nuevo más tarde.',
    en: 'The limit of submissions from this connection was reached. Try again later.',
  }).withHeaders({ 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}
