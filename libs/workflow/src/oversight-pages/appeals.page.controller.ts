import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { APPEAL_GROUNDS, APPEAL_OUTCOMES, AppealOutcome } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { contractError, LONG_TEXT_MAX } from '@ventanilla/http';
import { CsrfGuard, PageFieldError, PageRenderer, queryText } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { AppealQueue } from '../appeal/appeal-queue.service';
import { AppealDecisionDto } from '../appeal/appeal.dto';
import { AppealService } from '../appeal/appeal.service';
import { ownSubjectOnly } from '../staff/staff-case-access';
import { StaffCaseViews } from '../staff/staff-case-views.service';
import { CaseThread } from '../staff-pages/case-thread';
import { readableDocuments } from './readable-documents';

const BASE = '/personal/apelaciones';
const template = (name: string) => join(__dirname, name);

/** The decision form's fields as typed. */
interface DecisionForm {
  resultado: string;
  texto: string;
}

/** Where a decision term stands today: its date, and whether it is today or already past. */
export function termMark(dueDate: string | null, today: string): 'venceHoy' | 'vencido' | null {
  if (!dueDate) return null;
  if (dueDate === today) return 'venceHoy';
  return dueDate < today ? 'vencido' : null;
}

/**
 * The highest authority's pages: `/personal/apelaciones`, its subject's appeals by decision term,
 * and `/personal/apelaciones/{id}`, the case with its whole history and the decision (confirm,
 * revoke, modify, with its reasoned text). The decision goes through `AppealService.decide`, the
 * API's own door, after a confirmation step; another subject's case is 404, as in the API.
 */
@ApiExcludeController()
@Controller('personal/apelaciones')
@StaffPage('highest_authority')
export class AppealsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queue: AppealQueue,
    private readonly views: StaffCaseViews,
    private readonly appeals: AppealService,
    private readonly thread: CaseThread,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = this.pages.translator(req);
    const { pending, decided } = await this.queue.of(user);
    const today = localDateOf(this.clock.now());
    this.pages.render(
      req,
      res,
      template('appeals.njk'),
      { title: t('autoridad.titulo'), pending: pending.map((c) => ({ c, mark: termMark(c.appeal?.dueDate ?? null, today) })), decided, groundCodes: APPEAL_GROUNDS },
      { private: true },
    );
  }

  @Get(':id')
  async case(@CurrentUser() user: StaffUser, @Param('id') id: string, @Query('hecho') done: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.show(req, res, user, id, { resultado: '', texto: '' }, [], 200, queryText(done, 20) === 'decision');
  }

  /**
   * The decision, in two steps: the form posts here and gets a page that repeats the decision
   * and asks to confirm it; that page posts `confirmar=si` with the same fields, and only then
   * the service decides. A form with errors comes back with its input and the errors beside it.
   */
  @Post(':id/decision')
  @UseGuards(CsrfGuard)
  async decide(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const form: DecisionForm = { resultado: queryText(body.resultado, 20), texto: queryText(body.texto, LONG_TEXT_MAX + 1) };
    const c = await this.views.readable(user, id);
    ownSubjectOnly(user)(c);
    const dto = plainToInstance(AppealDecisionDto, { outcome: form.resultado, text: form.texto });
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length > 0) {
      const errors = invalid.map((e) => ({ field: e.property === 'outcome' ? 'resultado' : 'texto', message: t(`autoridad.errores.${e.property === 'outcome' ? 'resultado' : 'texto'}`) }));
      return this.show(req, res, user, id, form, errors.sort((a, b) => a.field.localeCompare(b.field)), 400);
    }
    // Which button of the confirmation page was pressed: none yet (the form), change it, or confirm.
    const step = queryText(body.paso, 20);
    if (step === 'corregir') return this.show(req, res, user, id, form, [], 200);
    if (step !== 'confirmar') {
      const view = (await this.views.render(user, [c]))[0];
      this.pages.render(req, res, template('appeal-confirm.njk'), { title: t('autoridad.confirmar.titulo'), view, form }, { private: true });
      return;
    }
    try {
      await this.appeals.decide(user, c.id, dto);
    } catch (error) {
      if (contractError(error)?.code === 'INVALID_STATE') {
        return this.show(req, res, user, id, form, [{ field: 'resultado', message: t('autoridad.errores.estado') }], 409);
      }
      throw error;
    }
    res.redirect(303, `${BASE}/${c.id}?hecho=decision`);
  }

  private async show(req: Request, res: Response, user: StaffUser, id: string, form: DecisionForm, errors: PageFieldError[], status: number, done = false): Promise<void> {
    const t = this.pages.translator(req);
    const c = await this.views.readable(user, id);
    // The API's rule for the authority: its own subject's cases only; any other is 404.
    ownSubjectOnly(user)(c);
    const view = (await this.views.render(user, [c]))[0];
    this.pages.render(
      req,
      res,
      template('appeal-case.njk'),
      {
        title: t('autoridad.caso.titulo', { folio: view.folio }),
        view,
        appealClaim: c.appealText,
        thread: await this.thread.of(c.id), downloadable: readableDocuments(user, c, view.documents),
        mark: termMark(view.appeal?.dueDate ?? null, localDateOf(this.clock.now())),
        canDecide: c.appealStatus === 'filed',
        outcomes: APPEAL_OUTCOMES.map((value: AppealOutcome) => ({ value, label: t(`autoridad.resultado.${value}`), hint: t(`autoridad.resultadoAyuda.${value}`) })),
        groundCodes: APPEAL_GROUNDS,
        form,
        errors,
        done,
      },
      { status, private: true },
    );
  }
}
