import { applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AddressLimitGuard } from './address-limit.guard';
import { ADDRESS_THROTTLERS, AddressThrottler } from './throttlers';

/** Puts one of the per-address limits on a handler (and none of the others). */
export function AddressLimit(throttler: AddressThrottler): MethodDecorator {
  const others = Object.fromEntries(ADDRESS_THROTTLERS.filter((t) => t !== throttler).map((t) => [t, true]));
  return applyDecorators(
    UseGuards(AddressLimitGuard),
    SkipThrottle(others),
    ApiTooManyRequestsResponse({
      description: 'RATE_LIMITED: demasiados envíos desde esta dirección (o a este correo); vea Retry-After',
      headers: { 'Retry-After': { description: 'Segundos hasta poder intentar de nuevo', schema: { type: 'integer' } } },
    }),
  );
}
