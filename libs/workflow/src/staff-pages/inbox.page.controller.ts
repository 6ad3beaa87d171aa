import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { CaseStatus, Channel, CHANNELS, OPEN_STATUSES } from '@ventanilla/cases';
import { SubjectsService } from '@ventanilla/subjects';
import { PageRenderer, queryText } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { CaseListingService } from '../listing/case-listing.service';
import { ListCasesQuery } from '../listing/list-cases.query';
import { CaseTerms } from './case-terms.service';

export const INBOX_PAGE = '/personal/bandeja';
const PAGE_SIZE = 20;
/** Past this page the offset would outgrow any real inbox; the page shows "no cases" instead. */
const LAST_PAGE = 10_000;

/** The inbox's filters as the form sends them; anything else in the address is ignored. */
export interface InboxFilters {
  estado: CaseStatus | '';
  canal: Channel | '';
  vencidos: boolean;
  q: string;
  pagina: number;
}

export function readInboxFilters(query: Record<string, unknown>): InboxFilters {
  const estado = queryText(query.estado, 40);
  const canal = queryText(query.canal, 40);
  const pagina = Number.parseInt(queryText(query.pagina, 6), 10);
  return {
    estado: (OPEN_STATUSES as readonly string[]).includes(estado) ? (estado as CaseStatus) : '',
    canal: (CHANNELS as readonly string[]).includes(canal) ? (canal as Channel) : '',
    vencidos: queryText(query.vencidos, 5) === '1',
    q: queryText(query.q, 200),
    pagina: Number.isInteger(pagina) && pagina >= 1 ? Math.min(pagina, LAST_PAGE) : 1,
  };
}

/** The address of the inbox with these filters (and another page), for the pager's links. */
export function inboxPath(filters: InboxFilters, pagina = filters.pagina): string {
  const query = new URLSearchParams();
  if (filters.estado) query.set('estado', filters.estado);
  if (filters.canal) query.set('canal', filters.canal);
  if (filters.vencidos) query.set('vencidos', '1');
  if (filters.q) query.set('q', filters.q);
  if (pagina > 1) query.set('pagina', String(pagina));
  const text = query.toString();
  return text ? `${INBOX_PAGE}?${text}` : INBOX_PAGE;
}

/**
 * `/personal/bandeja`: the officer's subject's open cases, the most urgent term first, with
 * the días hábiles left and the marks "vence hoy", "vencido" and "prórroga posible hasta …".
 * The filters are a plain GET form (bookmarkable, no JavaScript); the list is the API's
 * `GET /cases` service with the same filters.
 */
@ApiExcludeController()
@Controller('personal/bandeja')
@StaffPage('uip_officer')
export class InboxPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly listing: CaseListingService,
    private readonly terms: CaseTerms,
    private readonly subjects: SubjectsService,
  ) {}

  @Get()
  async inbox(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response, @Query() raw: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const filters = readInboxFilters(raw);
    const query = Object.assign(new ListCasesQuery(), {
      open: 'true',
      ...(filters.estado ? { status: filters.estado } : {}),
      ...(filters.canal ? { channel: filters.canal } : {}),
      ...(filters.vencidos ? { overdue: 'true' } : {}),
      ...(filters.q ? { q: filters.q } : {}),
      limit: PAGE_SIZE,
      offset: (filters.pagina - 1) * PAGE_SIZE,
    });
    const [{ items, total }, subject] = await Promise.all([this.listing.list(user, query), this.subjects.get(user.subjectCode!)]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    this.pages.render(
      req,
      res,
      join(__dirname, 'inbox.njk'),
      {
        title: t('bandeja.titulo'),
        subject,
        items,
        total,
        standings: await this.terms.standings(items),
        filters,
        filtered: Boolean(filters.estado || filters.canal || filters.vencidos || filters.q),
        statusOptions: OPEN_STATUSES.map((value) => ({ value, label: t(`personal.estado.${value}`) })),
        channelOptions: CHANNELS.map((value) => ({ value, label: t(`personal.canal.${value}`) })),
        page: filters.pagina,
        pages,
        previous: filters.pagina > 1 ? inboxPath(filters, filters.pagina - 1) : null,
        next: filters.pagina < pages ? inboxPath(filters, filters.pagina + 1) : null,
      },
      { private: true },
    );
  }
}
