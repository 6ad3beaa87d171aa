import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { APPEAL_GROUNDS, canApply, isOpen, RESOLUTION_TYPES } from '@ventanilla/cases';
import { CSRF_FIELD, CsrfGuard, CsrfProtection, PageFieldError, PageRenderer, queryText, formList } from '@ventanilla/web';
import { DOCUMENTS_SETTINGS, DocumentsSettings, DocumentEdits, DocumentUploads } from '@ventanilla/documents';
import { contractError, FREE_TEXT_MAX, LONG_TEXT_MAX } from '@ventanilla/http';
import { RoutingService } from '@ventanilla/routing';
import { SubjectsService } from '@ventanilla/subjects';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { ClarificationRequestDto } from '../clarification/clarification-request.dto';
import { ClarificationService } from '../clarification/clarification.service';
import { ExtensionDto } from '../extension/extension.dto';
import { ExtensionService } from '../extension/extension.service';
import { CaseListingService } from '../listing/case-listing.service';
import { CLASSIFIED_DENIALS, ResolutionDto } from '../resolution/resolution.dto';
import { ResolutionService } from '../resolution/resolution.service';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { TransferDto } from '../transfer/transfer.dto';
import { TransferService } from '../transfer/transfer.service';
import { CaseTerms } from './case-terms.service';
import { CaseThread } from './case-thread';

/** A body offered as the competent one. */
type BodyChoice = { code: string; name: string; active: boolean };

export const casePagePath = (id: string) => `/personal/casos/${id}`;

/** The forms of the case page; each one's fields are `<form>-<field>` in the page, for the error summary's links. */
type FormName = 'aclaracion' | 'prorroga' | 'resolucion' | 'traslado' | 'documento';
const DONE = ['aclaracion', 'prorroga', 'resolucion', 'traslado', 'documento', 'documento-retirado', 'documento-publico', 'documento-no-publico'] as const;
const SEARCH_RESULTS = 8;
const SUGGESTIONS = 5;

interface FormState {
  form: FormName;
  values: Record<string, string | string[]>;
  errors: PageFieldError[];
}

/** What an action needs, read from its form: the API's DTO, and what to tell if it is refused. */
interface Action<T> {
  form: FormName;
  values: Record<string, string | string[]>;
  dto: new () => T;
  plain: Record<string, unknown>;
  /** The DTO's properties as the page's fields. */
  fields: Record<string, string>;
  run: (dto: T) => Promise<unknown>;
  done: (typeof DONE)[number];
}

/**
 * `/personal/casos/{id}`: the officer's case page. The request (what was asked, how to deliver
 * it, who asked and in which language), the terms, the whole history, and only the actions the
 * case allows now — each through the service the API uses, after a confirmation step, with its
 * result shown on the page. Documents are uploaded here for the resolution (Art. 22 warning).
 * Another body's case is 404; the highest authority is sent to the appeal's page, the PDH and
 * admins to the PDH's read-only view.
 */
@ApiExcludeController()
@Controller('personal/casos')
export class CasePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly listing: CaseListingService,
    private readonly terms: CaseTerms,
    private readonly thread: CaseThread,
    private readonly clarifications: ClarificationService,
    private readonly extensions: ExtensionService,
    private readonly resolutions: ResolutionService,
    private readonly transfers: TransferService,
    private readonly uploads: DocumentUploads,
    private readonly documentEdits: DocumentEdits,
    private readonly routing: RoutingService,
    private readonly subjects: SubjectsService,
    private readonly csrf: CsrfProtection,
    @Inject(DOCUMENTS_SETTINGS) private readonly documentSettings: DocumentsSettings,
  ) {}

  @Get(':id')
  @StaffPage()
  async page(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Query('hecho') done: unknown, @Query('q') q: unknown): Promise<void> {
    if (user.role === 'highest_authority') return res.redirect(303, `/personal/apelaciones/${encodeURIComponent(id)}`);
    if (user.role === 'pdh_monitor' || user.role === 'admin') return res.redirect(303, `/personal/pdh/casos/${encodeURIComponent(id)}`);
    const view = await this.listing.get(user, id);
    const search = queryText(q, 100);
    await this.show(req, res, user, view, search ? { form: 'traslado', values: { q: search }, errors: [] } : null, 200, DONE.find((d) => d === done));
  }

  @Post(':id/aclaracion')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async clarify(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { texto: queryText(body.texto, FREE_TEXT_MAX + 1) };
    await this.act(req, res, user, id, body, {
      form: 'aclaracion',
      values,
      dto: ClarificationRequestDto,
      plain: { text: values.texto },
      fields: { text: 'texto' },
      run: (dto) => this.clarifications.request(user, id, dto.text),
      done: 'aclaracion',
    });
  }

  @Post(':id/prorroga')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async extend(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { motivo: queryText(body.motivo, FREE_TEXT_MAX + 1) };
    await this.act(req, res, user, id, body, {
      form: 'prorroga',
      values,
      dto: ExtensionDto,
      plain: { reason: values.motivo },
      fields: { reason: 'motivo' },
      run: (dto) => this.extensions.extend(user, id, dto.reason),
      done: 'prorroga',
    });
  }

  @Post(':id/resolucion')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async resolve(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const values = {
      tipo: queryText(body.tipo, 40),
      texto: queryText(body.texto, LONG_TEXT_MAX + 1),
      clasificacion: queryText(body.clasificacion, 2001),
      documentos: formList(body.documentos).slice(0, 101),
    };
    // The classification is only for classified denials; typed for another type, it is not sent.
    const classified = (CLASSIFIED_DENIALS as readonly string[]).includes(values.tipo);
    await this.act(req, res, user, id, body, {
      form: 'resolucion',
      values,
      dto: ResolutionDto,
      plain: { type: values.tipo || undefined, text: values.texto, ...(classified && values.clasificacion ? { classificationRef: values.clasificacion } : {}), documentIds: values.documentos },
      fields: { type: 'tipo', text: 'texto', classificationRef: 'clasificacion', documentIds: 'documentos' },
      run: (dto) => this.resolutions.resolve(user, id, dto),
      done: 'resolucion',
    });
  }

  @Post(':id/traslado')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async transfer(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { sujeto: queryText(body.sujeto, 40).toUpperCase(), motivo: queryText(body.motivo, FREE_TEXT_MAX + 1), q: queryText(body.q, 100) };
    // "Buscar": the page again with the bodies found, the form as typed.
    if (body.accion === 'buscar') return this.show(req, res, user, await this.listing.get(user, id), { form: 'traslado', values, errors: [] });
    await this.act(req, res, user, id, body, {
      form: 'traslado',
      values,
      dto: TransferDto,
      plain: { toSubject: values.sujeto || undefined, reason: values.motivo },
      fields: { toSubject: 'sujeto', reason: 'motivo' },
      run: (dto) => this.transfers.transfer(user, id, dto),
      done: 'traslado',
    });
  }

  /**
   * A document for the resolution, as multipart (streamed to storage by the API's upload
   * service). The CSRF token travels as the form's first field and is checked before the file
   * is read; `public=false` marks a document that carries personal data (LAIP Art. 22).
   */
  @Post(':id/documentos')
  @StaffPage('uip_officer')
  async upload(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.uploads.upload(user, id, req, { names: [CSRF_FIELD], beforeFile: (fields) => this.csrf.verifyToken(req, fields[CSRF_FIELD]) });
    } catch (error) {
      const refusal = contractError(error);
      if (!refusal || refusal.code === 'NOT_FOUND') throw error;
      const t = this.pages.translator(req);
      const view = await this.listing.get(user, id);
      const message = t(`caso.documentos.errores.${refusal.code}`, { max: Math.round(this.documentSettings.maxFileBytes / 1024 / 1024), n: this.documentSettings.maxPerCase });
      return this.show(req, res, user, view, { form: 'documento', values: {}, errors: [{ field: 'documento-archivo', message }] }, refusal.status);
    }
    res.redirect(303, `${casePagePath(id)}?hecho=documento#documentos`);
  }

  @Post(':id/documentos/:documentId/publico')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async setPublic(@CurrentUser() user: StaffUser, @Param('id') id: string, @Param('documentId') documentId: string, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const isPublic = body.publico === 'true';
    await this.documentEdits.setPublic(user, id, documentId, isPublic);
    res.redirect(303, `${casePagePath(id)}?hecho=${isPublic ? 'documento-publico' : 'documento-no-publico'}#documentos`);
  }

  @Post(':id/documentos/:documentId/retirar')
  @StaffPage('uip_officer')
  @UseGuards(CsrfGuard)
  async remove(@CurrentUser() user: StaffUser, @Param('id') id: string, @Param('documentId') documentId: string, @Res() res: Response): Promise<void> {
    await this.documentEdits.remove(user, id, documentId);
    res.redirect(303, `${casePagePath(id)}?hecho=documento-retirado#documentos`);
  }

  /**
   * One action: the API's DTO on the form's fields (refused: the page again, errors beside the
   * fields, input kept); then, unless `confirmar` says the officer already saw it, the
   * confirmation page; then the service. What the service refuses comes back the same way.
   */
  private async act<T extends object>(req: Request, res: Response, user: StaffUser, id: string, body: Record<string, unknown>, action: Action<T>): Promise<void> {
    const t = this.pages.translator(req);
    const view = await this.listing.get(user, id);
    const fieldId = (property: string) => `${action.form}-${action.fields[property] ?? property}`;
    const dto = plainToInstance(action.dto, action.plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const errors: PageFieldError[] = invalid.map((e) => ({ field: fieldId(e.property), message: t(`caso.errores.${action.form}.${action.fields[e.property] ?? e.property}`) }));
    if (action.form === 'resolucion' && (CLASSIFIED_DENIALS as readonly string[]).includes(String(action.values.tipo)) && !action.values.clasificacion) {
      errors.push({ field: 'resolucion-clasificacion', message: t('caso.errores.resolucion.clasificacion') });
    }
    if (errors.length > 0) return this.show(req, res, user, view, { form: action.form, values: action.values, errors }, 400);
    if (body.confirmar !== '1') return this.confirm(req, res, view, action);
    try {
      await action.run(dto);
    } catch (error) {
      // The refusals an officer can act on come back beside the form; anything else is the error page.
      const refusal = contractError(error);
      if (!refusal || !['INVALID_STATE', 'EXTENSION_NOT_ALLOWED', 'VALIDATION_FAILED', 'CONFLICT'].includes(refusal.code)) throw error;
      const fresh = await this.listing.get(user, id);
      const refused: PageFieldError[] =
        refusal.code === 'VALIDATION_FAILED' && refusal.details.length > 0
          ? refusal.details.map((d) => ({ field: fieldId(d.field), message: t(`caso.errores.${action.form}.${action.fields[d.field] ?? d.field}`) }))
          : [{ field: `${action.form}-${Object.values(action.fields)[0]}`, message: t(`caso.errores.${refusal.code}`) }];
      return this.show(req, res, user, fresh, { form: action.form, values: action.values, errors: refused }, refusal.status);
    }
    res.redirect(303, `${casePagePath(id)}?hecho=${action.done}`);
  }

  /** "¿Confirma…?": what will happen, the fields carried as they were typed, and the way back. */
  private async confirm<T>(req: Request, res: Response, view: StaffCaseView, action: Action<T>): Promise<void> {
    const t = this.pages.translator(req);
    const target = action.form === 'traslado' ? await this.subjects.get(String(action.values.sujeto)).catch(() => null) : null;
    const documents = action.form === 'resolucion' ? view.documents.filter((d) => (action.values.documentos as string[]).includes(d.id)) : [];
    this.pages.render(
      req,
      res,
      join(__dirname, 'confirm.njk'),
      {
        title: t(`caso.confirmar.${action.form}.titulo`),
        c: view,
        form: action.form,
        values: action.values,
        target,
        documents,
        action: `${casePagePath(view.id)}/${action.form}`,
      },
      { private: true },
    );
  }

  private async show(req: Request, res: Response, user: StaffUser, view: StaffCaseView, state: FormState | null, status = 200, done?: string): Promise<void> {
    const t = this.pages.translator(req);
    const open = isOpen(view.status);
    const standings = await this.terms.standings([view]);
    const standing = standings[view.id];
    const transferState = state?.form === 'traslado' ? state : null;
    const [thread, transferChoices] = await Promise.all([this.thread.of(view.id), open ? this.transferChoices(view, user, transferState) : Promise.resolve(null)]);
    const caseState = { status: view.status, extendedDueDate: view.extendedDueDate, appealStatus: view.appeal?.status ?? null };
    this.pages.render(
      req,
      res,
      join(__dirname, 'case.njk'),
      {
        title: t('caso.titulo', { folio: view.folio }),
        c: view,
        standing,
        thread,
        state,
        errors: state?.errors ?? [],
        done,
        can: {
          clarify: canApply('request_clarification', caseState),
          extend: standing?.extensionPossibleUntil != null,
          resolve: canApply('resolve', caseState),
          transfer: canApply('transfer', caseState),
          upload: open && view.documents.length < this.documentSettings.maxPerCase,
        },
        pending: view.documents.filter((d) => !d.delivered),
        delivered: view.documents.filter((d) => d.delivered),
        resolutionTypes: RESOLUTION_TYPES.map((value) => ({ value, label: t(`resolucion.${value}`) })),
        classified: CLASSIFIED_DENIALS,
        groundCodes: APPEAL_GROUNDS,
        transferChoices,
        documentLimits: { maxMb: Math.round(this.documentSettings.maxFileBytes / 1024 / 1024), maxPerCase: this.documentSettings.maxPerCase },
        path: casePagePath(view.id),
      },
      { status, private: true },
    );
  }

  /** The transfer form's choices: the routing suggestions for the description, and the bodies found by name. */
  private async transferChoices(view: StaffCaseView, user: StaffUser, state: FormState | null): Promise<{ suggested: BodyChoice[]; found: BodyChoice[] | null; chosen: BodyChoice | null }> {
    // Another active body: the state machine's transfer refuses the officer's own.
    const own = (s: BodyChoice) => s.active && s.code !== user.subjectCode;
    const q = typeof state?.values.q === 'string' ? state.values.q : '';
    const chosenCode = typeof state?.values.sujeto === 'string' ? state.values.sujeto : '';
    const [suggestions, found, chosen] = await Promise.all([
      this.routing.suggest(view.description.slice(0, 2000)).then((a) => a.items.map((i) => i.subject)),
      q ? this.subjects.list({ q, limit: SEARCH_RESULTS, offset: 0 }).then((r) => r.items) : Promise.resolve(null),
      chosenCode ? this.subjects.get(chosenCode).catch(() => null) : Promise.resolve(null),
    ]);
    const listed = found ? found.filter(own) : null;
    // Each body once: one the officer's search found is listed with what it found, not also
    // among the suggestions (the same radio twice read as two bodies).
    const foundCodes = new Set((listed ?? []).map((s) => s.code));
    const suggested = suggestions.filter((s) => own(s) && !foundCodes.has(s.code)).slice(0, SUGGESTIONS);
    // The body chosen before a new search stays chosen, shown once.
    const shown = new Set([...suggested, ...(listed ?? [])].map((s) => s.code));
    return { suggested, found: listed, chosen: chosen && own(chosen) && !shown.has(chosen.code) ? chosen : null };
  }
}
