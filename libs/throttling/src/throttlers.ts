import { EnvDto } from '@ventanilla/config';
import type { ThrottlerOptions } from '@nestjs/throttler';

/** The named per-address limits of anonymous requests: the writes and the two costly reads (routing suggestions, search). */
export const FILING_BY_ADDRESS = 'filingByAddress';
export const ROUTING_BY_ADDRESS = 'routingByAddress';
/** The public search (/buscar): a read, but each search of a common word costs the database ~0.1 s. */
export const SEARCH_BY_ADDRESS = 'searchByAddress';
export const ADDRESS_THROTTLERS = [FILING_BY_ADDRESS, ROUTING_BY_ADDRESS, SEARCH_BY_ADDRESS] as const;
export type AddressThrottler = (typeof ADDRESS_THROTTLERS)[number];

export function throttlers(config: EnvDto): ThrottlerOptions[] {
  return [
    { name: FILING_BY_ADDRESS, limit: config.FILING_ADDRESS_LIMIT, ttl: config.FILING_ADDRESS_WINDOW_SECONDS * 1000 },
    { name: ROUTING_BY_ADDRESS, limit: config.ROUTING_ADDRESS_LIMIT, ttl: config.ROUTING_ADDRESS_WINDOW_SECONDS * 1000 },
    { name: SEARCH_BY_ADDRESS, limit: config.SEARCH_ADDRESS_LIMIT, ttl: config.SEARCH_ADDRESS_WINDOW_SECONDS * 1000 },
  ];
}
