import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SECTORS, SubjectsService } from '@ventanilla/subjects';
import { AddressLimit, SEARCH_BY_ADDRESS } from '@ventanilla/throttling';
import { PageExceptionFilter, PageRenderer, queryText, SharedPage } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { csvLine, UTF8_BOM } from '../shared/csv';
import { readSubjectFilters, SortKeys, sortRows, statsRow, subjectFilterParams, SubjectFilters } from '../stats/stats-rows';
import { SubjectStatsQuery, SubjectStatsView } from '../stats/subject-stats.dto';
import { SubjectStatsService } from '../stats/subject-stats.service';
import { PublicRequestsService } from './public-requests.service';
import { barChartSvg } from './stats-chart';

const PAGE_SIZE = 20;
const CHART_BODIES = 12;
/** Rendered statistics pages kept (each up to ~140 KB): the usual orders and filters of the day. */
const DRAWN_STATISTICS = 40;
const SORTS = ['nombre', 'recibidas', 'aTiempo', 'mediana', 'vencidas'] as const;
type Sort = (typeof SORTS)[number];

const SORT_KEYS: SortKeys<Sort> = {
  nombre: (r) => r.subject.name,
  recibidas: (r) => r.received,
  aTiempo: (r) => r.onTimeShare,
  mediana: (r) => r.medianBusinessDays,
  vencidas: (r) => r.overdue,
};

/**
 * The public, read-only pages over the PDH's monitoring: `/estadisticas` (every body's response
 * times, sortable, filterable, with server-drawn charts and CSV), `/sujetos/{code}` (a body, its
 * UIP, its figures, its recent requests) and `/buscar` (earlier requests and their answers).
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class MonitoringPagesController {
  /** The statistics page last rendered per language and filters, with the figures it shows. */
  private readonly drawnStatistics = new Map<string, { view: SubjectStatsView; page: SharedPage }>();

  constructor(
    private readonly pages: PageRenderer,
    private readonly stats: SubjectStatsService,
    private readonly subjects: SubjectsService,
    private readonly requests: PublicRequestsService,
  ) {}

  @Get('estadisticas')
  async statistics(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filters = readFilters(query);
    const view = await this.stats.bySubject(this.statsQuery(filters));
    // Every visitor of the same figures, language and order gets the same page (the national
    // table is ~140 KB of HTML): rendered and compressed once per set of figures.
    const key = JSON.stringify([this.pages.language(req), filters]);
    const drawn = this.drawnStatistics.get(key);
    if (drawn?.view === view) return this.pages.sendShared(req, res, drawn.page);
    const t = this.pages.translator(req);
    const rows = sortRows(view.items.map(statsRow), SORT_KEYS, filters.sort, filters.dir);
    const byVolume = [...rows].sort((a, b) => b.received - a.received).slice(0, CHART_BODIES);
    const charts = byVolume.length
      ? {
          median: barChartSvg(
            byVolume.filter((r) => r.medianBusinessDays !== null).map((r) => ({ label: r.subject.name, value: r.medianBusinessDays! })),
            { title: t('estadisticas.graficoMediana'), unit: '', color: '#0b4f9c' },
          ),
          onTime: barChartSvg(
            byVolume.filter((r) => r.onTimeShare !== null).map((r) => ({ label: r.subject.name, value: r.onTimeShare! })),
            { title: t('estadisticas.graficoATiempo'), unit: ' %', color: '#00703c' },
          ),
        }
      : null;
    const page = this.pages.renderShared(req, join(__dirname, 'statistics.njk'), {
      title: t('estadisticas.titulo'),
      rows,
      charts,
      filters,
      period: { from: view.from, to: view.to },
      sectors: SECTORS.map((value) => ({ value, label: t(`sector.${value}`) })),
      departments: await this.requests.departments(),
      sorts: SORTS,
      sortLink: (sort: Sort) => `/estadisticas?${new URLSearchParams({ ...linkFilters(filters), orden: sort, dir: filters.sort === sort && filters.dir === 'asc' ? 'desc' : 'asc' })}`,
      csvLink: `/estadisticas/datos.csv?${new URLSearchParams(linkFilters(filters))}`,
    });
    this.drawnStatistics.delete(key);
    while (this.drawnStatistics.size >= DRAWN_STATISTICS) this.drawnStatistics.delete(this.drawnStatistics.keys().next().value!);
    this.drawnStatistics.set(key, { view, page });
    await this.pages.sendShared(req, res, page);
  }

  @Get('estadisticas/datos.csv')
  async statisticsCsv(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const filters = readFilters(query);
    const view = await this.stats.bySubject(this.statsQuery(filters));
    const rows = sortRows(view.items.map(statsRow), SORT_KEYS, filters.sort, filters.dir);
    const header = ['codigo', 'sujeto', 'recibidas', 'resueltas', 'a_tiempo', 'fuera_de_plazo', 'porcentaje_a_tiempo', 'abiertas', 'vencidas', 'prorrogas', 'trasladadas', 'recursos', 'mediana_dias_habiles', 'p90_dias_habiles'];
    const body = rows.map((r) =>
      csvLine([r.subject.code, r.subject.name, r.received, r.resolved, r.resolvedOnTime, r.resolvedLate, r.onTimeShare, r.open, r.overdue, r.extended, r.transferred, r.appeals, r.medianBusinessDays, r.p90BusinessDays]),
    );
    res
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${t('estadisticas.archivo', { desde: view.from, hasta: view.to })}"` })
      .send(UTF8_BOM + csvLine(header) + body.join(''));
  }

  @Get('sujetos/:code')
  async subject(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const subject = await this.subjects.get(code);
    if (subject.code !== code) return res.redirect(301, `/sujetos/${encodeURIComponent(subject.code)}`);
    const t = this.pages.translator(req);
    const view = await this.stats.bySubject(this.statsQuery({ ...readFilters({}), sector: subject.sector }), subject.code);
    const item = view.items.find((i) => i.subject.code === subject.code);
    this.pages.render(req, res, join(__dirname, 'subject.njk'), {
      title: subject.name,
      subject,
      figures: item ? statsRow(item) : null,
      period: { from: view.from, to: view.to },
      recent: await this.requests.recentFor(subject.code, 10),
      sectorLabel: t(`sector.${subject.sector}`),
    });
  }

  // Bounded per search (SEARCH_LIMIT) and per address: together no client can keep the database busy.
  @Get('buscar')
  @AddressLimit(SEARCH_BY_ADDRESS)
  async search(@Req() req: Request, @Res() res: Response, @Query('q') rawQ: unknown, @Query('pagina') rawPage: unknown): Promise<void> {
    const t = this.pages.translator(req);
    const q = queryText(rawQ, 200);
    const pageNumber = Math.min(Math.max(Number.parseInt(queryText(rawPage, 4), 10) || 1, 1), 500);
    const found = q ? await this.requests.search(q, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE) : null;
    this.pages.render(req, res, join(__dirname, 'search.njk'), {
      title: t('buscar.titulo'),
      q,
      found,
      pageNumber,
      pages: found ? Math.ceil(found.total / PAGE_SIZE) : 0,
    });
  }

  private statsQuery(filters: Filters): SubjectStatsQuery {
    return Object.assign(new SubjectStatsQuery(), { sector: filters.sector, departmentCode: filters.department, sort: 'code' });
  }
}

interface Filters extends SubjectFilters {
  sort: Sort;
  dir: 'asc' | 'desc';
}

function readFilters(query: Record<string, unknown>): Filters {
  const sort = queryText(query.orden, 20) as Sort;
  return { ...readSubjectFilters(query), sort: SORTS.includes(sort) ? sort : 'recibidas', dir: queryText(query.dir, 4) === 'asc' ? 'asc' : 'desc' };
}

function linkFilters(filters: Filters): Record<string, string> {
  return subjectFilterParams(filters);
}
