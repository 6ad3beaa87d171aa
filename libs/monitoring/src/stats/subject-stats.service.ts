import { Inject, Injectable, Logger } from '@nestjs/common';
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
  private readonly recent = new Map<string, CachedView>();
  private readonly log = new Logger(SubjectStatsService.name);

  constructor(
    private readonly replica: ReadReplica,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /**
   * `onlySubject`: one body's figures (its page), without aggregating every other body of the
   * query. The same question within STATS_CACHE_SECONDS gets the same answer (a year's
   * aggregate over a national volume takes a second or more; visitors ask it alike). Past
   * that, and up to twice the setting, a call still gets the figures counted last, at once,
   * while one recount runs for everybody: no visitor waits for a national count but the first
   * of the day, or of a question nobody asked lately.
   */
  async bySubject(query: SubjectStatsQuery, onlySubject?: string): Promise<SubjectStatsView> {
    const ttlMs = this.config.STATS_CACHE_SECONDS * 1000;
    if (ttlMs <= 0) return this.count(query, onlySubject);
    const now = Date.now();
    const key = JSON.stringify([localDateOf(this.clock.now()), onlySubject ?? null, { ...query }]);
    const hit = this.recent.get(key);
    if (hit && hit.until > now) return hit.view;
    if (hit?.counted && hit.until + ttlMs > now) {
      if (!hit.recounting) this.recount(key, hit, query, onlySubject, ttlMs);
      return hit.view;
    }
    for (const [k, v] of this.recent) if (v.until + ttlMs <= now) this.recent.delete(k);
    while (this.recent.size >= MAX_CACHED_QUERIES) this.recent.delete(this.recent.keys().next().value!);
    const view = this.count(query, onlySubject);
    const entry: CachedView = { until: now + ttlMs, view, counted: false, recounting: false };
    this.recent.set(key, entry);
    // A failed count is not kept: the next call tries again.
    view.then(
      () => (entry.counted = true),
      () => this.recent.get(key) === entry && this.recent.delete(key),
    );
    return view;
  }

  /** Counts `key` again in the background; its figures replace the old ones once counted (a failure keeps the old ones). */
  private recount(key: string, stale: CachedView, query: SubjectStatsQuery, onlySubject: string | undefined, ttlMs: number): void {
    stale.recounting = true;
    this.count(query, onlySubject).then(
      (view) => {
        if (this.recent.get(key) === stale) {
          this.recent.set(key, { until: Date.now() + ttlMs, view: Promise.resolve(view), counted: true, recounting: false });
        }
      },
      (error: unknown) => {
        stale.recounting = false;
        this.log.warn(`Las cifras por sujeto no se pudieron recontar; siguen las anteriores: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
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

/** An answer being counted or counted lately: fresh until `until`, served while recounted up to one more period. */
interface CachedView {
  until: number;
  view: Promise<SubjectStatsView>;
  counted: boolean;
  recounting: boolean;
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
