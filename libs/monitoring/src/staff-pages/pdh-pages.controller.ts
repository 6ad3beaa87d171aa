import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StaffPage } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { Clock } from '@ventanilla/config';
import { AppError, contractError } from '@ventanilla/http';
import { ListSubjectsQuery, SECTORS, Subject, SubjectsService } from '@ventanilla/subjects';
import { PageFieldError, PageRenderer, queryText, Translate } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { PublicRequestsService } from '../pages/public-requests.service';
import { lineChartSvg } from '../pages/stats-chart';
import { FIRST_REPORT_YEAR } from '../reports/annual-report';
import { annualReportCsv, annualReportFilename, annualReportRows } from '../reports/annual-report.csv';
import { AnnualReportService } from '../reports/annual-report.service';
import { yearPeriod } from '../shared/period';
import { readSubjectFilters, SortKeys, sortRows, StatsRow, statsRow, subjectFilterParams, SubjectFilters } from '../stats/stats-rows';
import { SubjectStatsQuery } from '../stats/subject-stats.dto';
import { SubjectStatsService } from '../stats/subject-stats.service';
import { OverdueDesk } from './overdue-desk.service';

const OVERDUE_PAGE = 20;
/** Years the desk offers: this one and the four before it. */
const DESK_YEARS = 5;

const SORTS = ['nombre', 'recibidas', 'abiertas', 'vencidas', 'prorrogas', 'denegadas', 'aTiempo', 'mediana'] as const;
type Sort = (typeof SORTS)[number];
const SORT_KEYS: SortKeys<Sort> = {
  nombre: (r) => r.subject.name,
  recibidas: (r) => r.received,
  abiertas: (r) => r.open,
  vencidas: (r) => r.overdue,
  prorrogas: (r) => r.extended,
  denegadas: (r) => r.denied,
  aTiempo: (r) => r.onTimeShare,
  mediana: (r) => r.medianBusinessDays,
};

/** "Show only…": the bodies the PDH follows up (late, extending, denying, unreachable). */
const VIEWS = ['todas', 'vencidas', 'prorrogas', 'denegadas', 'sinUip'] as const;
type View = (typeof VIEWS)[number];
const VIEW_TEST: Record<View, (r: StatsRow) => boolean> = {
  todas: () => true,
  vencidas: (r) => r.overdue > 0,
  prorrogas: (r) => r.extended > 0,
  denegadas: (r) => r.denied > 0,
  sinUip: (r) => !r.reachable,
};

interface DeskFilters extends SubjectFilters {
  year: number;
  view: View;
  sort: Sort;
  dir: 'asc' | 'desc';
  page: number;
}

/**
 * The PDH monitor's pages: `/personal/pdh`, a desk over every body (late, extending, denying,
 * unreachable; sortable, filterable by sector and department; on-time share and median días
 * hábiles month by month), and `/personal/pdh/informe`, a body's Art. 48 report on screen and
 * as CSV. They read the same services as the public statistics and `/api/v1/reports/annual`.
 */
@ApiExcludeController()
@Controller('personal/pdh')
@StaffPage('pdh_monitor')
export class PdhPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly stats: SubjectStatsService,
    private readonly overdue: OverdueDesk,
    private readonly reports: AnnualReportService,
    private readonly subjects: SubjectsService,
    private readonly requests: PublicRequestsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async desk(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const currentYear = this.currentYear();
    const filters = readDeskFilters(query, currentYear);
    const statsQuery = Object.assign(new SubjectStatsQuery(), { ...yearPeriod(filters.year), sector: filters.sector, departmentCode: filters.department });
    const [view, months, late] = await Promise.all([
      this.stats.bySubject(statsQuery),
      this.stats.byMonth(statsQuery),
      this.overdue.list(filters, OVERDUE_PAGE, (filters.page - 1) * OVERDUE_PAGE),
    ]);
    const all = view.items.map(statsRow);
    const rows = sortRows(all.filter(VIEW_TEST[filters.view]), SORT_KEYS, filters.sort, filters.dir);
    const monthNames = this.pages.catalogue.entry(this.pages.language(req), 'fecha.meses') as string[];
    const monthLabel = (month: string) => `${monthNames[Number(month.slice(5)) - 1].slice(0, 3)} ${month.slice(0, 4)}`;
    // Every month of the year so far, so a month without answers shows as a gap, not as nothing.
    const byMonth = new Map(months.items.map((m) => [m.month, m]));
    const axis = monthsBetween(view.from, [view.to, localDateOf(this.clock.now())].sort()[0]);
    // Drawn once something was answered: until then a line has no point to show.
    const charts = months.items.some((m) => m.resolved > 0)
      ? {
          onTime: lineChartSvg(
            axis.map((month) => {
              const m = byMonth.get(month);
              return { label: monthLabel(month), value: m && m.resolved > 0 ? Math.round((m.resolvedOnTime / m.resolved) * 1000) / 10 : null };
            }),
            { title: t('pdh.graficoATiempo'), unit: ' %', color: '#00703c', max: 100 },
          ),
          median: lineChartSvg(
            axis.map((month) => ({ label: monthLabel(month), value: byMonth.get(month)?.medianBusinessDays ?? null })),
            { title: t('pdh.graficoMediana'), unit: '', color: '#0b4f9c' },
          ),
        }
      : null;
    const links = linkParams(filters);
    this.pages.render(
      req,
      res,
      join(__dirname, 'pdh-desk.njk'),
      {
        title: t('pdh.titulo'),
        filters,
        period: { from: view.from, to: view.to },
        rows,
        totals: {
          overdue: all.reduce((n, r) => n + r.overdue, 0),
          extended: all.reduce((n, r) => n + r.extended, 0),
          denied: all.reduce((n, r) => n + r.denied, 0),
          unreachable: view.unreachableSubjects.length,
        },
        unreachable: view.unreachableSubjects,
        late,
        latePages: Math.ceil(late.total / OVERDUE_PAGE),
        charts,
        years: Array.from({ length: DESK_YEARS }, (_, i) => currentYear - i),
        views: VIEWS,
        sectors: SECTORS.map((value) => ({ value, label: t(`sector.${value}`) })),
        departments: await this.requests.departments(),
        sortLink: (sort: Sort) =>
          `/personal/pdh?${new URLSearchParams({ ...links, orden: sort, dir: filters.sort === sort && filters.dir === 'asc' ? 'desc' : 'asc' })}`,
        pageLink: (page: number) => `/personal/pdh?${new URLSearchParams({ ...links, orden: filters.sort, dir: filters.dir, pagina: String(page) })}#vencidas`,
      },
      { private: true },
    );
  }

  /** `?sujeto=` takes a code or words of a name; several matches are offered to choose from. */
  @Get('informe')
  async report(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const form = this.readReportForm(query, t);
    const found = form.errors.length === 0 && form.subject ? await this.findSubject(form.subject) : { subject: null, choices: [] };
    if (form.subject && !found.subject && found.choices.length === 0) form.errors.push({ field: 'sujeto', message: t('pdh.informe.sinSujeto') });
    const report = found.subject && form.errors.length === 0 ? await this.reports.report(found.subject.code, form.year) : null;
    const rows = report ? annualReportRows(report) : [];
    this.pages.render(
      req,
      res,
      join(__dirname, 'pdh-report.njk'),
      {
        title: report ? t('pdh.informe.tituloDe', { sujeto: report.subject.name, anio: report.year }) : t('pdh.informe.titulo'),
        form,
        errors: form.errors,
        choices: found.choices,
        report,
        heading: rows.filter((r) => r[0] === ''),
        items: groupByItem(rows),
        years: Array.from({ length: this.currentYear() - FIRST_REPORT_YEAR + 1 }, (_, i) => this.currentYear() - i),
        csvLink: report ? `/personal/pdh/informe/datos.csv?${new URLSearchParams({ sujeto: report.subject.code, anio: String(report.year) })}` : null,
      },
      { status: form.errors.length > 0 ? 400 : 200, private: true },
    );
  }

  @Get('informe/datos.csv')
  async reportCsv(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const form = this.readReportForm(query, this.pages.translator(req));
    if (form.errors.length > 0 || !form.subject) throw new AppError('VALIDATION_FAILED', undefined, form.errors.map((e) => ({ field: e.field, message: e.message })));
    const report = await this.reports.report((await this.subjects.get(form.subject)).code, form.year);
    res
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${annualReportFilename(report)}"`, 'Cache-Control': 'no-store' })
      .send(annualReportCsv(report));
  }

  private currentYear(): number {
    return Number(localDateOf(this.clock.now()).slice(0, 4));
  }

  /** The body and year asked for; the year defaults to the one before, as Art. 48 asks each January. */
  private readReportForm(query: Record<string, unknown>, t: Translate): { subject: string; year: number; yearText: string; errors: PageFieldError[] } {
    const subject = queryText(query.sujeto, 200).trim();
    const yearText = queryText(query.anio, 4);
    const current = this.currentYear();
    const year = yearText ? Number(yearText) : current - 1;
    const errors: PageFieldError[] = [];
    if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > current) {
      errors.push({ field: 'anio', message: t('pdh.informe.anioInvalido', { desde: FIRST_REPORT_YEAR, hasta: current }) });
    }
    return { subject, year, yearText: yearText || String(current - 1), errors };
  }

  private async findSubject(text: string): Promise<{ subject: Subject | null; choices: Subject[] }> {
    try {
      return { subject: await this.subjects.get(text), choices: [] };
    } catch (error) {
      if (contractError(error)?.code !== 'NOT_FOUND') throw error;
    }
    const { items } = await this.subjects.list(Object.assign(new ListSubjectsQuery(), { q: text, limit: 20 }));
    return items.length === 1 ? { subject: items[0], choices: [] } : { subject: null, choices: items };
  }
}

function readDeskFilters(query: Record<string, unknown>, currentYear: number): DeskFilters {
  const year = Number(queryText(query.anio, 4));
  const view = queryText(query.ver, 20) as View;
  const sort = queryText(query.orden, 20) as Sort;
  return {
    ...readSubjectFilters(query),
    year: Number.isInteger(year) && year <= currentYear && year > currentYear - DESK_YEARS ? year : currentYear,
    view: VIEWS.includes(view) ? view : 'todas',
    sort: SORTS.includes(sort) ? sort : 'vencidas',
    dir: queryText(query.dir, 4) === 'asc' ? 'asc' : 'desc',
    page: Math.min(Math.max(Number.parseInt(queryText(query.pagina, 4), 10) || 1, 1), 500),
  };
}

function linkParams(filters: DeskFilters): Record<string, string> {
  return { ...subjectFilterParams(filters), anio: String(filters.year), ...(filters.view !== 'todas' ? { ver: filters.view } : {}) };
}

/** `YYYY-MM` of every month from the one of `from` to the one of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard += 1) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The report's numbered lines as one table per Art. 48 item. */
function groupByItem(rows: ReturnType<typeof annualReportRows>): { n: number; name: string; lines: { measure: string; value: string | number | null }[] }[] {
  const items: { n: number; name: string; lines: { measure: string; value: string | number | null }[] }[] = [];
  for (const [n, name, measure, value] of rows) {
    if (n === '') continue;
    let item = items.find((i) => i.n === n);
    if (!item) items.push((item = { n, name, lines: [] }));
    item.lines.push({ measure, value });
  }
  return items;
}
