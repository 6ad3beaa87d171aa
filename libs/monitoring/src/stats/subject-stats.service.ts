import { Injectable } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { Clock } from '@ventanilla/config';
import { ReadReplica } from '@ventanilla/database';
import { reachableSql } from '@ventanilla/notices';
import { CaseMeasures, caseMeasuresSelect, toCaseMeasures } from '../shared/case-measures';
import { resolvePeriod } from '../shared/period';
import { SubjectStatsQuery, SubjectStatsView } from './subject-stats.dto';

/**
 * Per-subject figures for the PDH, in one aggregate query: GROUP BY subject with a FILTER per
 * figure. The covering indexes of the monitoring migration let PostgreSQL read only the index.
 */
@Injectable()
export class SubjectStatsService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly clock: Clock,
  ) {}

  async bySubject(query: SubjectStatsQuery): Promise<SubjectStatsView> {
    const today = localDateOf(this.clock.now());
    const period = resolvePeriod(query, today);
    const params: unknown[] = [period.from, period.to, today];
    const filters = subjectFilters(query, params);
    const order = query.sort === 'received' ? 'received DESC, s.code' : 's.code';
    const rows: Record<string, unknown>[] = await this.replica.query(
      `SELECT s.code, s.name, ${reachableSql('s')} AS reachable,
              ${caseMeasuresSelect('$3')}
         FROM cases c
         JOIN subjects s ON s.code = c.subject_code
        WHERE c.received_on BETWEEN $1::date AND $2::date ${filters}
        GROUP BY s.code
        ORDER BY ${order}`,
      params,
    );
    // Every active body nobody can reach, with or without cases in the period: the regulator's finding.
    const scopeParams: unknown[] = [];
    const unreachableSubjects: { code: string; name: string }[] = await this.replica.query(
      `SELECT s.code, s.name FROM subjects s WHERE s.active AND NOT ${reachableSql('s')} ${subjectFilters(query, scopeParams)} ORDER BY s.code`,
      scopeParams,
    );
    return {
      items: rows.map((row) => ({
        subject: { code: String(row.code), name: String(row.name) },
        ...toCaseMeasures(row),
        reachable: Boolean(row.reachable),
      })),
      unreachableSubjects,
      from: period.from,
      to: period.to,
    };
  }

  /**
   * The same measures month by month (by the month each case was received), over every body the
   * sector and department filters name: one aggregate query, months without cases left out.
   */
  async byMonth(query: SubjectStatsQuery): Promise<{ items: MonthlyMeasures[]; from: string; to: string }> {
    const today = localDateOf(this.clock.now());
    const period = resolvePeriod(query, today);
    const params: unknown[] = [period.from, period.to, today];
    const rows: Record<string, unknown>[] = await this.replica.query(
      `SELECT to_char(c.received_on, 'YYYY-MM') AS month, ${caseMeasuresSelect('$3')}
         FROM cases c
         JOIN subjects s ON s.code = c.subject_code
        WHERE c.received_on BETWEEN $1::date AND $2::date ${subjectFilters(query, params)}
        GROUP BY 1
        ORDER BY 1`,
      params,
    );
    return { items: rows.map((row) => ({ month: String(row.month), ...toCaseMeasures(row) })), from: period.from, to: period.to };
  }
}

/** One month's figures over the bodies a query names: the PDH's view over time. */
export interface MonthlyMeasures extends CaseMeasures {
  /** `YYYY-MM`, the month of reception (`received_on`). */
  month: string;
}

/** The sector and department filters on subjects `s`, as `AND …`, their values pushed onto `params`. */
function subjectFilters(query: SubjectStatsQuery, params: unknown[]): string {
  const filters: string[] = [];
  if (query.sector) filters.push(`s.sector = $${params.push(query.sector)}`);
  if (query.departmentCode) filters.push(`s.department_code = $${params.push(query.departmentCode)}`);
  return filters.map((f) => `AND ${f}`).join(' ');
}
