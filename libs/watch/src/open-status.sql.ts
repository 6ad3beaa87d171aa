import { OPEN_STATUSES } from '@ventanilla/cases';

/**
 * `c.status IN ('received', …)` as a literal, so the planner can use the partial indexes on open
 * cases (a bound array parameter cannot prove their predicate).
 */
export const OPEN_CASE_SQL = `c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
