import type { LocalDate } from '@ventanilla/calendar';

/**
 * A monitoring period: the cases "received in the period" are those whose legal reception
 * day (`received_on`, America/Guatemala) lies in [from, to], both days included.
 */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** Longest period one call may cover: a decade of figures is plenty and bounds the work of one request. */
export const MAX_PERIOD_YEARS = 10;

/**
 * The period a query names. Both bounds given: as given. Only one: the rest of that calendar
 * year (so `from=2024-03-01` means March to December 2024). Neither: the current year.
 */
export function resolvePeriod(query: { from?: LocalDate; to?: LocalDate }, today: LocalDate): Period {
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.from) return { from: query.from, to: `${query.from.slice(0, 4)}-12-31` };
  if (query.to) return { from: `${query.to.slice(0, 4)}-01-01`, to: query.to };
  return yearPeriod(Number(today.slice(0, 4)));
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * True when [from, to] spans at most MAX_PERIOD_YEARS years: `to` falls before the same day
 * ten years after `from`. Compared as strings, so 29 February needs no special case.
 */
export function withinMaxSpan(from: LocalDate, to: LocalDate): boolean {
  const limit = `${String(Number(from.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, '0')}${from.slice(4)}`;
  return to < limit;
}
