import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { REQUESTER } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { contractError } from '@ventanilla/http';
import { RoutingService, RoutingSuggestion } from '@ventanilla/routing';
import { Subject, SubjectsService } from '@ventanilla/subjects';
import { AddressLimit, FILING_BY_ADDRESS } from '@ventanilla/throttling';
import { CsrfGuard, PageExceptionFilter, PageFieldError, PageRenderer, queryText, Translate } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { FilingService } from '../filing.service';
import { IdempotencyService } from '../idempotency.service';
import {
  checkFilingForm, deliveryOptions, fieldErrors, fieldsOf, FilingForm, languageOptions, MAX_SUBJECTS, readFilingForm, toFileRequest,
} from './filing-form';

import { requestPagePath, RequesterSession } from './requester-session';

const SEARCH_RESULTS = 8;
/** Routing reads the start of a long description; that is where people say what they want. */
const SUGGEST_CHARS = 2000;

/** #18 may say why a body is suggested; the form groups by it when present. */
type Suggestion = RoutingSuggestion & { reason?: 'topic' | 'place' | 'name' };

/**
 * `/solicitar`: one form that works in two steps without JavaScript (describe and pick the
 * bodies, then send) and in one with it (suggestions as you type). Every button posts the whole
 * form back, so the server keeps all input; the API's DTO and the filing service judge it.
 */
@ApiExcludeController()
@Controller('solicitar')
@UseFilters(PageExceptionFilter)
export class FilingPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly subjects: SubjectsService,
    private readonly routing: RoutingService,
    private readonly filing: FilingService,
    private readonly session: RequesterSession,
    private readonly clock: Clock,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response, @Query('sujeto') subject?: unknown): Promise<void> {
    const form = readFilingForm({ sujetos: queryText(subject, 40) });
    await this.show(req, res, form, []);
  }

  /** "Agregar", "Quitar", "Buscar", "Ver instituciones sugeridas": the form again, with the change. */
  @Post()
  @UseGuards(CsrfGuard)
  async edit(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    await this.show(req, res, applyEdits(readFilingForm(body), body), []);
  }

  /** "Presentar solicitud": the API's DTO and filing service, with the API's limits per address and per recipient. */
  @Post('enviar')
  @UseGuards(CsrfGuard)
  @AddressLimit(FILING_BY_ADDRESS)
  async file(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const form = applyEdits(readFilingForm(body), body);
    const t = this.pages.translator(req);
    const { dto, invalid } = await checkFilingForm(form);
    if (invalid.length > 0) return this.show(req, res, form, fieldErrors(invalid, t), 400);
    try {
      const now = this.clock.now();
      const { subjects, ...content } = dto;
      const result = await this.filing.file(
        { subjects, content, channel: 'web', receivedAt: now, filedAt: now, actor: REQUESTER },
        form.key ? { scope: 'pages', key: form.key, bodyHash: IdempotencyService.hashBody(toFileRequest(form)) } : undefined,
      );
      this.session.remember(res, result.folio, result.accessCode);
      res.redirect(303, `${requestPagePath(result.folio)}/confirmacion`);
    } catch (error) {
      const refusal = contractError(error);
      if (refusal?.code === 'VALIDATION_FAILED') {
        return this.show(req, res, form, fieldErrors(fieldsOf(refusal.details), t), 400);
      }
      throw error;
    }
  }

  /** The suggestions and search results alone, for the script that refreshes them as one types. */
  @Post('sugerencias')
  @UseGuards(CsrfGuard)
  async suggestions(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const form = applyEdits(readFilingForm(body), body);
    const context = await this.choices(form, this.pages.translator(req));
    this.pages.render(req, res, join(__dirname, 'filing-choices-part.njk'), context, { private: true });
  }

  private async show(req: Request, res: Response, form: FilingForm, errors: PageFieldError[], status = 200): Promise<void> {
    const t = this.pages.translator(req);
    if (!form.key) form.key = randomUUID();
    this.pages.render(
      req,
      res,
      join(__dirname, 'filing.njk'),
      {
        title: t('solicitar.titulo'),
        form,
        errors,
        maxSubjects: MAX_SUBJECTS,
        deliveryOptions: deliveryOptions(t),
        languageOptions: languageOptions(t),
        ...(await this.choices(form, t)),
      },
      { status, private: true },
    );
  }

  /** The chosen bodies, the bodies found by name, and those suggested for the description. */
  private async choices(form: FilingForm, t: Translate) {
    const chosen = await this.known(form.subjects);
    form.subjects = chosen.map((s) => s.code);
    const found = form.q ? (await this.subjects.list({ q: form.q, limit: SEARCH_RESULTS, offset: 0 })).items.filter((s) => s.active) : null;
    const suggestions: Suggestion[] = form.description.length >= 10 ? (await this.routing.suggest(form.description.slice(0, SUGGEST_CHARS))).items : [];
    const groups = groupSuggestions(suggestions, t);
    return { chosen, found, groups, hasDescription: form.description.length >= 10, q: form.q, chosenCodes: form.subjects, full: chosen.length >= MAX_SUBJECTS };
  }

  private async known(codes: string[]): Promise<Subject[]> {
    if (codes.length === 0) return [];
    const found = await Promise.all(codes.map((code) => this.subjects.get(code).catch(() => null)));
    return found.filter((s): s is Subject => s !== null && s.active);
  }
}

/** The one-click additions and removals ("Agregar", "Quitar"). */
function applyEdits(form: FilingForm, body: Record<string, unknown>): FilingForm {
  const add = queryText(body.agregar, 40).toUpperCase();
  const remove = queryText(body.quitar, 40).toUpperCase();
  if (add && !form.subjects.includes(add) && form.subjects.length < MAX_SUBJECTS) form.subjects.push(add);
  if (remove) form.subjects = form.subjects.filter((c) => c !== remove);
  return form;
}

/** With #18's `reason`: "por el tema", "por el lugar", "por el nombre"; without it, one list. */
function groupSuggestions(items: Suggestion[], t: Translate): { title: string | null; items: Suggestion[] }[] {
  if (items.length === 0) return [];
  if (!items.some((i) => i.reason)) return [{ title: null, items }];
  return (['topic', 'place', 'name'] as const)
    .map((reason) => ({ title: t(`solicitar.sugeridas.${reason}`), items: items.filter((i) => (i.reason ?? 'topic') === reason) }))
    .filter((g) => g.items.length > 0);
}
