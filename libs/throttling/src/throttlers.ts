import { EnvDto } from '@ventanilla/config';
import type { ThrottlerOptions } from '@nestjs/throttler';

/** The named limits of the anonymous writes. */
export const FILING_BY_ADDRESS = 'filingByAddress';
export const ROUTING_BY_ADDRESS = 'routingByAddress';
export const ANONYMOUS_THROTTLERS = [FILING_BY_ADDRESS, ROUTING_BY_ADDRESS] as const;
export type AnonymousThrottler = (typeof ANONYMOUS_THROTTLERS)[number];

export function throttlers(config: EnvDto): ThrottlerOptions[] {
  return [
    { name: FILING_BY_ADDRESS, limit: config.FILING_ADDRESS_LIMIT, ttl: config.FILING_ADDRESS_WINDOW_SECONDS * 1000 },
    { name: ROUTING_BY_ADDRESS, limit: config.ROUTING_ADDRESS_LIMIT, ttl: config.ROUTING_ADDRESS_WINDOW_SECONDS * 1000 },
  ];
}
