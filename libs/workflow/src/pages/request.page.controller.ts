import { Body, Controller, Get, Ip, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiExcludeController } from '@nestjs/swagger';
import { CalendarService } from '@ventanilla/calendar';
import { APPEAL_GROUNDS, Case, CaseEvent, CaseReader, isOpen } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { DocumentDownloads, DocumentSender } from '@ventanilla/documents';
import { contractError } from '@ventanilla/http';
import {
  canonicalFolio, ClarificationAnswerDto, LookupService, PublicRequestView, RequesterActionsService, requestPagePath, RequesterRequestView,
  RequesterSession, WithdrawalDto,
} from '@ventanilla/requests';
import { CsrfGuard, PageExceptionFilter, PageFieldError, PageRenderer, queryText } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import { appealWindowOf, AppealWindow } from '../appeal/appeal-window';
import { FileAppealDto } from '../appeal/appeal.dto';
import { AppealService } from '../appeal/appeal.service';

const DONE = ['aclaracion', 'desistimiento', 'apelacion', 'acceso'] as const;

/** A failed form on the page: which case and form, the fields as typed, the errors. */
interface FormState {
  caseId?: string;
  form: 'acceso' | 'aclaracion' | 'desistimiento' | 'apelacion';
  values: Record<string, string>;
  errors: PageFieldError[];
}

/**
 * `/solicitudes/{folio}`: the request's page. Anyone sees the public view; with the access code
 * (entered once, kept in the browser session's cookie) the requester sees their data and acts:
 * answers a clarification, withdraws, appeals — through the same services as the API.
 */
@ApiExcludeController()
@Controller('solicitudes')
@UseFilters(PageExceptionFilter)
export class RequestPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly lookup: LookupService,
    private readonly actions: RequesterActionsService,
    private readonly appeals: AppealService,
    private readonly session: RequesterSession,
    private readonly reader: CaseReader,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly downloads: DocumentDownloads,
    private readonly sender: DocumentSender,
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
  ) {}

  /** "Consultar mi solicitud" from the home page: folio, and the code if the requester has it. */
  @Post()
  @UseGuards(CsrfGuard)
  async consult(@Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const folio = canonicalFolio(queryText(body.folio, 40));
    await this.enter(req, res, ip, folio, queryText(body.codigo, 40));
  }

  @Get(':folio')
  async page(@Param('folio') input: string, @Query('hecho') done: unknown, @Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const folio = canonicalFolio(input);
    if (folio !== input) return res.redirect(301, requestPagePath(folio));
    await this.show(req, res, ip, folio, null, 200, DONE.find((d) => d === done));
  }

  /**
   * A document of this request, for a link on its page. A browser link cannot send the API's
   * `X-Access-Code`, so the code comes from this folio's session cookie; the access rule and the
   * answer (ETag, ranges, attachment for anything a browser could run) are the API's own
   * (`GET /api/v1/documents/{id}`). Without the code only public documents come back; any other is 404.
   */
  @Get(':folio/documentos/:documentId')
  async document(@Param('folio') input: string, @Param('documentId') documentId: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const folio = canonicalFolio(input);
    const readable = await this.downloads.readable(documentId, { accessCode: this.session.accessCode(req, folio), clientIp: ip, folio });
    await this.sender.send(req, res, readable.document, readable.isPublic);
  }

  @Post(':folio/acceso')
  @UseGuards(CsrfGuard)
  async access(@Param('folio') input: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    await this.enter(req, res, ip, canonicalFolio(input), queryText(body.codigo, 40));
  }

  @Post(':folio/salir')
  @UseGuards(CsrfGuard)
  leave(@Param('folio') input: string, @Res() res: Response): void {
    const folio = canonicalFolio(input);
    this.session.forget(res, folio);
    res.redirect(303, requestPagePath(folio));
  }

  @Post(':folio/casos/:caseId/aclaracion')
  @UseGuards(CsrfGuard)
  async answer(@Param('folio') input: string, @Param('caseId') caseId: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { texto: queryText(body.texto, 10_001) };
    await this.act(req, res, ip, canonicalFolio(input), { caseId, form: 'aclaracion', values, errors: [] }, ClarificationAnswerDto, { text: values.texto }, (request, dto) =>
      this.actions.answerClarification(request, caseId, dto.text),
    );
  }

  @Post(':folio/casos/:caseId/desistimiento')
  @UseGuards(CsrfGuard)
  async withdraw(@Param('folio') input: string, @Param('caseId') caseId: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { motivo: queryText(body.motivo, 2001) };
    await this.act(req, res, ip, canonicalFolio(input), { caseId, form: 'desistimiento', values, errors: [] }, WithdrawalDto, values.motivo ? { reason: values.motivo } : {}, (request, dto) =>
      this.actions.withdraw(request, caseId, dto.reason),
    );
  }

  @Post(':folio/casos/:caseId/apelacion')
  @UseGuards(CsrfGuard)
  async appeal(@Param('folio') input: string, @Param('caseId') caseId: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const values = { motivo: queryText(body.motivo, 40), texto: queryText(body.texto, 10_001) };
    await this.act(req, res, ip, canonicalFolio(input), { caseId, form: 'apelacion', values, errors: [] }, FileAppealDto, { grounds: values.motivo, text: values.texto }, (request, dto) =>
      this.appeals.file(request, caseId, dto),
    );
  }

  /** Checks the code, remembers it for this browser session, and shows the requester's view. */
  private async enter(req: Request, res: Response, ip: string, folio: string, code: string): Promise<void> {
    if (!code) return res.redirect(303, requestPagePath(folio));
    try {
      await this.lookup.authenticate({ folio, accessCode: code, clientIp: ip });
    } catch (error) {
      if (contractError(error)?.code === 'ACCESS_CODE_INVALID') {
        const t = this.pages.translator(req);
        return this.show(req, res, ip, folio, { form: 'acceso', values: {}, errors: [{ field: 'codigo', message: t('solicitud.codigoIncorrecto') }] }, 403);
      }
      throw error;
    }
    this.session.remember(res, folio, code);
    res.redirect(303, `${requestPagePath(folio)}?hecho=acceso`);
  }

  /**
   * A requester action: the code from the session (checked first, as the API does), then the
   * API's DTO on the form's fields, then the service. A refused form comes back with its input.
   */
  private async act<T extends object>(
    req: Request,
    res: Response,
    ip: string,
    folio: string,
    state: FormState,
    dtoClass: new () => T,
    plain: Record<string, unknown>,
    run: (request: Awaited<ReturnType<LookupService['authenticate']>>, dto: T) => Promise<unknown>,
  ): Promise<void> {
    const accessCode = this.session.accessCode(req, folio);
    if (!accessCode) return res.redirect(303, requestPagePath(folio));
    const request = await this.lookup.authenticate({ folio, accessCode, clientIp: ip });
    const t = this.pages.translator(req);
    const dto = plainToInstance(dtoClass, plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length > 0) {
      state.errors = invalid.map((e) => ({ field: `${state.form}-${FIELD_BY_PROPERTY[e.property] ?? e.property}-${state.caseId}`, message: t(`solicitud.errores.${state.form}.${FIELD_BY_PROPERTY[e.property] ?? e.property}`) }));
      return this.show(req, res, ip, folio, state, 400);
    }
    try {
      await run(request, dto);
    } catch (error) {
      if (contractError(error)?.code === 'INVALID_STATE') {
        state.errors = [{ field: `${state.form}-${REFUSED_FIELD[state.form]}-${state.caseId}`, message: t(`solicitud.errores.${state.form}.estado`) }];
        return this.show(req, res, ip, folio, state, 409);
      }
      throw error;
    }
    res.redirect(303, `${requestPagePath(folio)}?hecho=${state.form}#caso-${state.caseId}`);
  }

  private async show(req: Request, res: Response, ip: string, folio: string, state: FormState | null, status = 200, done?: string): Promise<void> {
    const t = this.pages.translator(req);
    const accessCode = this.session.accessCode(req, folio);
    let view: PublicRequestView | RequesterRequestView = await this.lookup.publicView(folio);
    let mine = false;
    let codeProblem: string | null = null;
    if (accessCode) {
      try {
        view = await this.lookup.requesterView({ folio, accessCode, clientIp: ip });
        mine = true;
      } catch (error) {
        const refusal = contractError(error);
        if (!refusal || !['ACCESS_CODE_INVALID', 'RATE_LIMITED'].includes(refusal.code)) throw error;
        codeProblem = refusal.code;
        if (refusal.code === 'ACCESS_CODE_INVALID') this.session.forget(res, folio);
      }
    }
    const cases = mine ? await this.requesterExtras(folio) : new Map<string, Extras>();
    this.pages.render(
      req,
      res,
      join(__dirname, 'request.njk'),
      {
        title: t('solicitud.titulo', { folio }),
        view,
        mine,
        extras: Object.fromEntries(cases),
        state,
        errors: state?.errors ?? [],
        done,
        codeProblem,
        path: requestPagePath(folio),
        grounds: APPEAL_GROUNDS.map((value) => ({ value, label: t(`motivo.${value}`) })),
        groundCodes: APPEAL_GROUNDS,
      },
      { status, private: mine || accessCode !== undefined },
    );
  }

  /** Per case, what only the requester sees: the open actions, the appeal window, the clarification asked. */
  private async requesterExtras(folio: string): Promise<Map<string, Extras>> {
    const cases = await this.reader.byFolio(folio);
    const { clock } = await this.calendar.current();
    const now = this.clock.now();
    const extras = new Map<string, Extras>();
    for (const c of cases) {
      const window = appealWindowOf(c, clock, this.calendar.subjectCalendar(c.subject!), now);
      extras.set(c.id, {
        appeal: window,
        canWithdraw: isOpen(c.status),
        clarification: c.status === 'clarification_requested' ? await this.clarificationAsked(c) : null,
      });
    }
    return extras;
  }

  private async clarificationAsked(c: Case): Promise<string | null> {
    const event = await this.events.findOne({ where: { caseId: c.id, type: 'clarification_requested' }, order: { id: 'DESC' } });
    const text = event?.data?.text;
    return typeof text === 'string' ? text : null;
  }
}

interface Extras {
  appeal: AppealWindow;
  canWithdraw: boolean;
  clarification: string | null;
}

/** Where a form's refusal (the action no longer open) is told: the form's first field, as request.njk names it. */
const REFUSED_FIELD: Record<FormState['form'], string> = { acceso: 'codigo', aclaracion: 'texto', desistimiento: 'motivo', apelacion: 'motivo' };

/** The DTOs' properties as the page's field names. */
const FIELD_BY_PROPERTY: Record<string, string> = { text: 'texto', reason: 'motivo', grounds: 'motivo' };

