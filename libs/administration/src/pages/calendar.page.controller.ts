import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { Clock } from '@ventanilla/config';
import {
  CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, DeclareNonBusinessDayDto, localDateOf, NonBusinessDaysService, SubjectCalendarSettingsService, UpdateSubjectCalendarDto,
} from '@ventanilla/calendar';
import { AppError, contractError } from '@ventanilla/http';
import { SubjectsService } from '@ventanilla/subjects';
import { CsrfGuard, PageFieldError, PageRenderer, queryText } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { checkWithDto, pageErrors } from './admin-form';

const BASE = '/personal/admin/calendario';
const template = (name: string) => join(__dirname, name);

const DAY_FIELDS: Record<string, string> = { date: 'fecha', name: 'motivo', subjectCode: 'alcance' };
const DAY_ORDER = ['fecha', 'motivo', 'alcance'];
const SETTINGS_FIELDS: Record<string, string> = { worksSaturdays: 'sabados', closingTime: 'cierre' };
const SETTINGS_ORDER = ['sabados', 'cierre'];

interface DayForm {
  date: string;
  name: string;
  subjectCode: string;
}

const DONE = ['declarado', 'quitado', 'guardado'] as const;

/**
 * The admin's calendar: the días inhábiles declared for a year (add with the reason; remove one
 * still to come), the law's holidays for reference, and each body's Saturdays and closing time.
 * Writes go through `NonBusinessDaysService` and `SubjectCalendarSettingsService`, as the API's
 * do, so the recompute of open cases' terms and the audit entries are the same.
 */
@ApiExcludeController()
@Controller('personal/admin/calendario')
@StaffPage('admin')
export class CalendarPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly days: NonBusinessDaysService,
    private readonly settings: SubjectCalendarSettingsService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async overview(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const done = queryText(query.hecho, 20);
    await this.show(req, res, this.yearOf(query.anio), { date: '', name: '', subjectCode: '' }, [], 200, (DONE as readonly string[]).includes(done) ? done : null);
  }

  @Post('dias')
  @UseGuards(CsrfGuard)
  async declare(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const form = { date: queryText(body.fecha, 20), name: queryText(body.motivo, 3000), subjectCode: queryText(body.alcance, 60).toUpperCase() };
    const year = /^\d{4}-/.test(form.date) ? this.yearOf(form.date.slice(0, 4)) : this.yearOf(undefined);
    const { dto, invalid } = await checkWithDto(DeclareNonBusinessDayDto, { date: form.date, name: form.name, ...(form.subjectCode ? { subjectCode: form.subjectCode } : {}) });
    if (invalid.length > 0) return this.show(req, res, year, form, pageErrors(invalid, DAY_FIELDS, DAY_ORDER, t), 400);
    try {
      await this.days.declare(dto, actor);
    } catch (error) {
      const refusal = contractError(error);
      if (refusal?.code === 'CONFLICT') {
        return this.show(req, res, year, form, [{ field: 'fecha', message: t('admin.calendario.errores.repetido') }], 409);
      }
      if (refusal?.code === 'VALIDATION_FAILED' && refusal.details.length > 0) {
        return this.show(req, res, year, form, pageErrors(refusal.details, DAY_FIELDS, DAY_ORDER, t, { serviceDetails: true }), 400);
      }
      throw error;
    }
    res.redirect(303, `${BASE}?anio=${dto.date.slice(0, 4)}&hecho=declarado`);
  }

  @Get('dias/:id/quitar')
  async confirmRemoval(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const day = await this.declared(id);
    const t = this.pages.translator(req);
    this.pages.render(req, res, template('calendar-confirm.njk'), { title: t('admin.calendario.quitarTitulo'), day }, { private: true });
  }

  @Post('dias/:id/quitar')
  @UseGuards(CsrfGuard)
  async remove(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<void> {
    const removed = await this.days.remove((await this.declared(id)).id, actor);
    res.redirect(303, `${BASE}?anio=${removed.date.slice(0, 4)}&hecho=quitado`);
  }

  /** "Cambiar el calendario de una institución": the code typed in the overview's small form. */
  @Get('sujetos')
  pick(@Res() res: Response, @Query('codigo') code?: unknown): void {
    const wanted = queryText(code, 40).toUpperCase();
    res.redirect(303, wanted ? `${BASE}/sujetos/${encodeURIComponent(wanted)}` : BASE);
  }

  @Get('sujetos/:code')
  async subjectSettings(@Req() req: Request, @Res() res: Response, @Param('code') code: string, @Query('hecho') done?: unknown): Promise<void> {
    const current = await this.settings.get(code);
    const subject = await this.subjects.get(current.subjectCode);
    await this.showSettings(req, res, subject.code, subject.name, { sabados: current.worksSaturdays ? 'si' : 'no', cierre: current.closingTime ?? '' }, current.effectiveClosingTime, [], 200, queryText(done, 20) === 'guardado');
  }

  @Post('sujetos/:code')
  @UseGuards(CsrfGuard)
  async updateSettings(
    @Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('code') code: string, @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const t = this.pages.translator(req);
    const current = await this.settings.get(code);
    const subject = await this.subjects.get(current.subjectCode);
    const form = { sabados: queryText(body.sabados, 5), cierre: queryText(body.cierre, 10) };
    const { dto, invalid } = await checkWithDto(UpdateSubjectCalendarDto, {
      worksSaturdays: form.sabados === 'si' ? true : form.sabados === 'no' ? false : form.sabados,
      // Empty: back to the default closing time.
      closingTime: form.cierre || null,
    });
    if (invalid.length > 0) {
      return this.showSettings(req, res, subject.code, subject.name, form, current.effectiveClosingTime, pageErrors(invalid, SETTINGS_FIELDS, SETTINGS_ORDER, t), 400);
    }
    await this.settings.update(subject.code, dto, actor);
    res.redirect(303, `${BASE}/sujetos/${encodeURIComponent(subject.code)}?hecho=guardado`);
  }

  private async show(req: Request, res: Response, year: number, form: DayForm, errors: PageFieldError[], status = 200, done: string | null = null): Promise<void> {
    const t = this.pages.translator(req);
    const [declared, all, customized] = await Promise.all([this.days.declaredIn(year), this.days.list(year), this.settings.customized()]);
    const firstRemovable = this.days.firstRemovableDate();
    const thisYear = Number(localDateOf(this.clock.now()).slice(0, 4));
    this.pages.render(
      req,
      res,
      template('calendar.njk'),
      {
        title: t('admin.calendario.titulo'),
        year,
        years: [thisYear - 1, thisYear, thisYear + 1].filter((y) => y >= CALENDAR_MIN_YEAR && y <= CALENDAR_MAX_YEAR),
        previousYear: year > CALENDAR_MIN_YEAR ? year - 1 : null,
        nextYear: year < CALENDAR_MAX_YEAR ? year + 1 : null,
        declared: declared.map((d) => ({ ...d, removable: d.date >= firstRemovable })),
        holidays: all.filter((d) => d.kind !== 'declared'),
        customized,
        form,
        errors,
        done,
      },
      { status, private: true },
    );
  }

  private async showSettings(
    req: Request, res: Response, code: string, name: string, form: { sabados: string; cierre: string }, effective: string, errors: PageFieldError[], status = 200, done = false,
  ): Promise<void> {
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      template('calendar-subject.njk'),
      { title: t('admin.calendario.sujetoTitulo', { nombre: name }), code, name, form, effective, errors, done },
      { status, private: true },
    );
  }

  /** A declared day by the id in the address; anything that is not one of theirs is 404. */
  private async declared(id: string) {
    const day = /^\d{1,9}$/.test(id) ? await this.days.find(Number(id)) : null;
    if (!day) throw AppError.notFound({ es: 'No existe ese día declarado inhábil.', en: 'There is no such declared non-business day.' });
    return day;
  }

  private yearOf(value: unknown): number {
    const year = Number(queryText(value, 4));
    if (Number.isInteger(year) && year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR) return year;
    return Number(localDateOf(this.clock.now()).slice(0, 4));
  }
}

