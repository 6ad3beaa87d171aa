import { localDateOf } from '@ventanilla/calendar';
import type { CaseStatus } from './case-status';

/**
 * "Open" and "overdue", written once in TypeScript and once in SQL. Every list, count, view,
 * digest and rule of the service asks these; `open-cases.e2e-spec.ts` checks that the two
 * agree, that the partial indexes on open cases (`cases_open_term`, `cases_subject_inbox`) hold
 * exactly the cases both call open, and that the planner proves the SQL one against them.
 *
 * - open: the body still owes an answer and the term runs (received, clarification requested,
 *   extended);
 * - overdue: open, and the term that applies (`term_due_date`: the extended due date once
 *   extended) ended before today in Guatemala: a term runs to the end of its last day.
 */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'clarification_requested', 'extended'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isOverdue(c: { status: CaseStatus; termDueDate: string }, now: Date): boolean {
  return isOpen(c.status) && c.termDueDate < localDateOf(now);
}

/**
 * The SQL twin of `isOpen`, over a case aliased `c`. A literal, not a bound array, so the planner
 * can prove the predicate of the partial indexes on open cases.
 */
export const OPEN_CASE_SQL = `c.status IN ('received', 'clarification_requested', 'extended')`;

/** The SQL twin of `isOverdue`; `today` is the SQL of today's local date (e.g. `$3::date`, `:today`). */
export function overdueCaseSql(today: string): string {
  return `(${OPEN_CASE_SQL} AND c.term_due_date < ${today})`;
}
