import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { PageFieldError, PageRenderer } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { STAFF_HOME } from './return-path';

/** A text the staff member had typed in a form posted after the session had ended. */
export interface KeptText {
  name: string;
  value: string;
}

export interface SignInState {
  volver: string;
  values?: Record<string, string>;
  errors?: PageFieldError[];
  problem?: string;
  expired?: boolean;
  signedOut?: boolean;
  kept?: KeptText[];
}

/** The sign-in page, drawn by its own route and by the staff pages' guard (a post that came too late). */
@Injectable()
export class SignInPage {
  constructor(
    private readonly pages: PageRenderer,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  render(req: Request, res: Response, state: SignInState, status = 200): void {
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      join(__dirname, 'sign-in.njk'),
      {
        title: t('personal.entrar.titulo'),
        volver: state.volver === STAFF_HOME ? '' : state.volver,
        values: state.values ?? { correo: '' },
        errors: state.errors ?? [],
        problem: state.problem,
        expired: state.expired,
        signedOut: state.signedOut,
        kept: state.kept ?? [],
        idleMinutes: this.config.STAFF_SESSION_IDLE_MINUTES,
      },
      { status, private: true },
    );
  }
}
