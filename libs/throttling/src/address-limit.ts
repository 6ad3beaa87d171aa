import { applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AnonymousWriteGuard } from './anonymous-write.guard';
import { ANONYMOUS_THROTTLERS, AnonymousThrottler } from './throttlers';

/** Puts one of the anonymous writes' limits on a handler (and none of the others). */
export function AnonymousWriteLimit(throttler: AnonymousThrottler): MethodDecorator {
  const others = Object.fromEntries(ANONYMOUS_THROTTLERS.filter((t) => t !== throttler).map((t) => [t, true]));
  return applyDecorators(
    UseGuards(AnonymousWriteGuard),
    SkipThrottle(others),
    ApiTooManyRequestsResponse({
      description: 'RATE_LIMITED: demasiados envíos desde esta dirección (o a este correo); vea Retry-After',
      headers: { 'Retry-After': { description: 'Segundos hasta poder intentar de nuevo', schema: { type: 'integer' } } },
    }),
  );
}
