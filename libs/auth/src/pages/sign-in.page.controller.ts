import { Body, Controller, Get, Ip, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { contractError } from '@ventanilla/http';
import { CsrfGuard, PageExceptionFilter, PageRenderer, queryText } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { LoginDto } from '../login/login.dto';
import { LoginRateLimited, LoginService } from '../login/login.service';
import { safeReturnPath, SIGN_IN_PAGE } from './return-path';
import { SignInPage, SignInState } from './sign-in-page';
import { StaffPageSessions } from './staff-page-sessions';

/**
 * `/personal/entrar` and `/personal/salir`: the staff's sign-in through the API's login service
 * (the same failed-login limits, per account and per address) and the sign-out. After signing
 * in, the browser goes back to the page it asked for, if that is a staff page of this site.
 */
@ApiExcludeController()
@Controller('personal')
@UseFilters(PageExceptionFilter)
export class SignInPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly logins: LoginService,
    private readonly sessions: StaffPageSessions,
    private readonly signInPage: SignInPage,
  ) {}

  @Get('entrar')
  async form(@Req() req: Request, @Res() res: Response, @Query('volver') volver: unknown, @Query('caducada') expired: unknown, @Query('salio') out: unknown): Promise<void> {
    const back = safeReturnPath(queryText(volver, 2000));
    // Already signed in (a bookmarked sign-in page): straight on.
    const read = this.sessions.read(req);
    if (read.state === 'valid' && (await this.sessions.currentUser(read.session))) return res.redirect(303, back);
    this.show(req, res, { volver: back, expired: expired === '1', signedOut: out === '1' });
  }

  @Post('entrar')
  @UseGuards(CsrfGuard)
  async signIn(@Req() req: Request, @Res() res: Response, @Ip() ip: string, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const values = { correo: queryText(body.correo, 300) };
    const back = safeReturnPath(queryText(body.volver, 2000));
    const dto = plainToInstance(LoginDto, { email: values.correo, password: typeof body.contrasena === 'string' ? body.contrasena : '' });
    const invalid = await validate(dto);
    if (invalid.length > 0) {
      const errors = invalid.map((e) => (e.property === 'email' ? { field: 'correo', message: t('personal.entrar.errores.correo') } : { field: 'contrasena', message: t('personal.entrar.errores.contrasena') }));
      return this.show(req, res, { volver: back, values, errors }, 400);
    }
    try {
      const user = await this.logins.verify(dto.email, dto.password, ip ?? '');
      this.sessions.start(res, user);
      res.redirect(303, back);
    } catch (error) {
      if (error instanceof LoginRateLimited) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return this.show(req, res, { volver: back, values, problem: t('personal.entrar.demasiados', { minutos: Math.ceil(error.retryAfterSeconds / 60) }) }, 429);
      }
      if (contractError(error)?.code === 'UNAUTHORIZED') {
        return this.show(req, res, { volver: back, values, errors: [{ field: 'correo', message: t('personal.entrar.errores.incorrectos') }] }, 401);
      }
      throw error;
    }
  }

  /** Ends this browser's session (and any copy of its cookie). */
  @Post('salir')
  @UseGuards(CsrfGuard)
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.sessions.end(req, res);
    res.redirect(303, `${SIGN_IN_PAGE}?salio=1`);
  }

  private show(req: Request, res: Response, state: SignInState, status = 200): void {
    this.signInPage.render(req, res, state, status);
  }
}
