import { OPEN_CASE_SQL, overdueCaseSql, RESOLUTION_TYPES, ResolutionType } from '@ventanilla/cases';
import { literal, oneDecimal } from './sql';

/**
 * The figures the PDH watches, over a set of cases (alias `c`). One definition serves the
 * per-subject statistics and the Art. 48 report, so both always agree:
 * - received: every case received in the period;
 * - resolved: status `resolved`; resolvedOnTime / resolvedLate by `resolution_on_time`;
 * - open: status received, clarification_requested or extended (the body still owes an answer);
 * - overdue: open and its term (`term_due_date`: the extended due date if any) ended before today;
 * - extended: an extension was granted (`extended_due_date` set), whatever happened next;
 * - transferred: passed on to the competent body (Art. 38); the new case counts for that body;
 * - appeals: a recurso de revisión was filed (`appeal_status` set);
 * - median / p90 business days: percentile_cont of `business_days_taken` over the resolved
 *   cases, one decimal; null when none was resolved;
 * - byResolution: resolved cases by resolution type, every type present (zeros included).
 */
export interface CaseMeasures {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  open: number;
  overdue: number;
  extended: number;
  transferred: number;
  appeals: number;
  medianBusinessDays: number | null;
  p90BusinessDays: number | null;
  byResolution: Record<ResolutionType, number>;
}

const RESOLVED = `c.status = 'resolved'`;
const count = (condition?: string): string => (condition ? `count(*) FILTER (WHERE ${condition})::int` : 'count(*)::int');
const percentile = (fraction: number): string =>
  oneDecimal(`percentile_cont(${fraction}) WITHIN GROUP (ORDER BY c.business_days_taken) FILTER (WHERE ${RESOLVED})`);
const resolutionAlias = (type: ResolutionType): string => `"resolution_${type}"`;

/** The SELECT list for `CaseMeasures`; `today` is the placeholder of today's local date (e.g. `$3`). */
export function caseMeasuresSelect(today: string): string {
  return [
    `${count()} AS received`,
    `${count(RESOLVED)} AS resolved`,
    `${count(`${RESOLVED} AND c.resolution_on_time`)} AS "resolvedOnTime"`,
    `${count(`${RESOLVED} AND NOT c.resolution_on_time`)} AS "resolvedLate"`,
    `${count(OPEN_CASE_SQL)} AS open`,
    `${count(overdueCaseSql(`${today}::date`))} AS overdue`,
    `${count('c.extended_due_date IS NOT NULL')} AS extended`,
    `${count(`c.status = 'transferred'`)} AS transferred`,
    `${count('c.appeal_status IS NOT NULL')} AS appeals`,
    `${percentile(0.5)} AS "medianBusinessDays"`,
    `${percentile(0.9)} AS "p90BusinessDays"`,
    ...RESOLUTION_TYPES.map((type) => `${count(`${RESOLVED} AND c.resolution_type = ${literal(type)}`)} AS ${resolutionAlias(type)}`),
  ].join(',\n       ');
}

type Row = Record<string, unknown>;

export function toCaseMeasures(row: Row): CaseMeasures {
  const n = (key: string): number => Number(row[key] ?? 0);
  const decimal = (key: string): number | null => (row[key] === null || row[key] === undefined ? null : Number(row[key]));
  return {
    received: n('received'),
    resolved: n('resolved'),
    resolvedOnTime: n('resolvedOnTime'),
    resolvedLate: n('resolvedLate'),
    open: n('open'),
    overdue: n('overdue'),
    extended: n('extended'),
    transferred: n('transferred'),
    appeals: n('appeals'),
    medianBusinessDays: decimal('medianBusinessDays'),
    p90BusinessDays: decimal('p90BusinessDays'),
    byResolution: Object.fromEntries(RESOLUTION_TYPES.map((type) => [type, n(`resolution_${type}`)])) as Record<ResolutionType, number>,
  };
}
