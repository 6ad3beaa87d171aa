import { Body, Controller, Get, Ip, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { contractError } from '@ventanilla/http';
import { CsrfGuard, PageFieldError, PageRenderer } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { ChangePasswordDto } from '../login/login.dto';
import { LoginRateLimited } from '../login/login.service';
import { PasswordChange } from '../login/password-change.service';
import { StaffUser } from '../staff/roles';
import { CurrentUser } from '../staff/staff.decorators';
import { UsersService } from '../users/users.service';
import { OpenPageDuringPasswordChange, PASSWORD_PAGE, StaffPage } from './staff-page.guard';
import { StaffPageSessions } from './staff-page-sessions';

/** Passwords are compared as typed; a form field is never trimmed of what the person chose. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * `/personal/contrasena`: any staff member changes their password, and one whose password an
 * admin reset must do so before any other page opens. The API's `PasswordChange` does it (the
 * current password under the login's limits; every earlier session and token ends); this
 * browser is signed in again under the new password so the work goes on.
 */
@ApiExcludeController()
@Controller('personal/contrasena')
@StaffPage()
export class PasswordPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly passwords: PasswordChange,
    private readonly users: UsersService,
    private readonly sessions: StaffPageSessions,
  ) {}

  @Get()
  @OpenPageDuringPasswordChange()
  form(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response, @Query('hecho') done: unknown): void {
    this.show(req, res, user, { done: done === '1' });
  }

  @Post()
  @OpenPageDuringPasswordChange()
  @UseGuards(CsrfGuard)
  async change(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const [current, fresh, again] = [text(body.actual), text(body.nueva), text(body.repetida)];
    const errors: PageFieldError[] = [];
    if (!current) errors.push({ field: 'actual', message: t('personal.contrasena.errores.actual') });
    const invalid = await validate(plainToInstance(ChangePasswordDto, { currentPassword: current || 'x', newPassword: fresh }));
    if (invalid.some((e) => e.property === 'newPassword')) errors.push({ field: 'nueva', message: t('personal.contrasena.errores.nueva') });
    else if (fresh !== again) errors.push({ field: 'repetida', message: t('personal.contrasena.errores.repetida') });
    if (errors.length > 0) return this.show(req, res, user, { errors }, 400);
    try {
      await this.passwords.change(user, current, fresh, ip ?? '');
    } catch (error) {
      if (error instanceof LoginRateLimited) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return this.show(req, res, user, { problem: t('personal.entrar.demasiados', { minutos: Math.ceil(error.retryAfterSeconds / 60) }) }, 429);
      }
      const refusal = contractError(error);
      if (refusal?.code === 'VALIDATION_FAILED') {
        const wrongCurrent = refusal.details.some((d) => d.field === 'currentPassword');
        const field = wrongCurrent ? 'actual' : 'nueva';
        return this.show(req, res, user, { errors: [{ field, message: t(wrongCurrent ? 'personal.contrasena.errores.incorrecta' : 'personal.contrasena.errores.igual') }] }, 400);
      }
      throw error;
    }
    // The change moved the account's token generation: this browser starts a session under the new one.
    const account = await this.users.findActive(user.id);
    if (account) this.sessions.start(res, account);
    res.redirect(303, `${PASSWORD_PAGE}?hecho=1`);
  }

  private show(req: Request, res: Response, user: StaffUser, state: { done?: boolean; errors?: PageFieldError[]; problem?: string }, status = 200): void {
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      join(__dirname, 'password.njk'),
      { title: t('personal.contrasena.titulo'), required: user.passwordChangeRequired === true, done: state.done, errors: state.errors ?? [], problem: state.problem },
      { status, private: true },
    );
  }
}
