import { Inject, Injectable } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { Clock, EnvDto } from '@ventanilla/config';
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
  /** Answers being counted or counted lately, by query and day; shared by the calls that ask alike meanwhile. */
  private readonly recent = new Map<string, { until: number; view: Promise<SubjectStatsView> }>();

  constructor(
    private readonly replica: ReadReplica,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /**
   * `onlySubject`: one body's figures (its page), without aggregating every other body of the
   * query. The same question within STATS_CACHE_SECONDS gets the same answer (a year's
   * aggregate over a national volume takes hundreds of ms; visitors ask it alike).
   */
  async bySubject(query: SubjectStatsQuery, onlySubject?: string): Promise<SubjectStatsView> {
    const ttlMs = this.config.STATS_CACHE_SECONDS * 1000;
    if (ttlMs <= 0) return this.count(query, onlySubject);
    const now = Date.now();
    const key = JSON.stringify([localDateOf(this.clock.now()), onlySubject ?? null, { ...query }]);
    const hit = this.recent.get(key);
    if (hit && hit.until > now) return hit.view;
    for (const [k, v] of this.recent) if (v.until <= now) this.recent.delete(k);
    while (this.recent.size >= MAX_CACHED_QUERIES) this.recent.delete(this.recent.keys().next().value!);
    const view = this.count(query, onlySubject);
    this.recent.set(key, { until: now + ttlMs, view });
    // A failed count is not kept: the next call tries again.
    view.catch(() => this.recent.get(key)?.view === view && this.recent.delete(key));
    return view;
  }

  private async count(query: SubjectStatsQuery, onlySubject?: string): Promise<SubjectStatsView> {
    const today = localDateOf(this.clock.now());
    const period = resolvePeriod(query, today);
    const params: unknown[] = [period.from, period.to, today];
    const filters = subjectFilters(query, params, onlySubject);
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
      `SELECT s.code, s.name FROM subjects s WHERE s.active AND NOT ${reachableSql('s')} ${subjectFilters(query, scopeParams, onlySubject)} ORDER BY s.code`,
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

// Pages ask a handful of filter combinations; the API's periods may vary more.
const MAX_CACHED_QUERIES = 200;

/** The sector and department filters on subjects `s`, as `AND …`, their values pushed onto `params`. */
function subjectFilters(query: SubjectStatsQuery, params: unknown[], onlySubject?: string): string {
  const filters: string[] = [];
  // The join makes it `c.subject_code = …` too for the planner: the (subject_code, received_on) index serves it.
  if (onlySubject) filters.push(`s.code = $${params.push(onlySubject)}`);
  if (query.sector) filters.push(`s.sector = $${params.push(query.sector)}`);
  if (query.departmentCode) filters.push(`s.department_code = $${params.push(query.departmentCode)}`);
  return filters.map((f) => `AND ${f}`).join(' ');
}
