import { Sector, SECTORS } from '@ventanilla/subjects';
import { queryText } from '@ventanilla/web';
import { SubjectStatsItemView } from './subject-stats.dto';

/** A body's row as the pages show and sort it: the statistics plus the figures read off them. */
export interface StatsRow extends SubjectStatsItemView {
  /** Share answered on time of those answered, in percent with one decimal; null if none was answered. */
  onTimeShare: number | null;
  /** Every denial (reserved, confidential, no clarification). */
  denied: number;
}

export function statsRow(item: SubjectStatsItemView): StatsRow {
  const r = item.byResolution;
  return {
    ...item,
    onTimeShare: item.resolved > 0 ? Math.round((item.resolvedOnTime / item.resolved) * 1000) / 10 : null,
    denied: r.denied_reserved + r.denied_confidential + r.denied_no_clarification,
  };
}

/** How a column sorts: its value per row (null: no figure, always last). */
export type SortKeys<K extends string> = Record<K, (r: StatsRow) => number | string | null>;

/** Rows by one column, names in Spanish order, ties by the body's code so the order is stable. */
export function sortRows<K extends string>(rows: StatsRow[], keys: SortKeys<K>, sort: K, dir: 'asc' | 'desc'): StatsRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = keys[sort](a);
    const y = keys[sort](b);
    if (x === null && y === null) return a.subject.code.localeCompare(b.subject.code);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string, 'es') : x - (y as number);
    return order * sign || a.subject.code.localeCompare(b.subject.code);
  });
}

/** The sector and department of a page's address; unknown values are ignored, not errors (addresses are typed by hand). */
export interface SubjectFilters {
  sector?: Sector;
  department?: string;
}

export function readSubjectFilters(query: Record<string, unknown>): SubjectFilters {
  const sector = queryText(query.sector, 20);
  const department = queryText(query.departamento, 2);
  return {
    sector: (SECTORS as readonly string[]).includes(sector) ? (sector as Sector) : undefined,
    department: /^\d{2}$/.test(department) ? department : undefined,
  };
}

/** The filters as they go back into a link's query string. */
export function subjectFilterParams(filters: SubjectFilters): Record<string, string> {
  return { ...(filters.sector ? { sector: filters.sector } : {}), ...(filters.department ? { departamento: filters.department } : {}) };
}
