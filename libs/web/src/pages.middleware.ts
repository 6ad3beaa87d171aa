import { Injectable, NestMiddleware } from '@nestjs/common';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import { PageRenderer } from './page-renderer';

/** Largest form post: a 10,000-character description of accented text, urlencoded, and the rest. */
const FORM_LIMIT = '200kb';

/**
 * What the pages need before their handlers: cookies (the CSRF pair, the requester's session),
 * urlencoded form bodies, and compression (a prepaid phone pays for every kilobyte).
 */
@Injectable()
export class PagesMiddleware implements NestMiddleware {
  private readonly cookies = cookieParser();
  private readonly forms = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 200 });
  private readonly compress = compression();

  constructor(private readonly pages: PageRenderer) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.compress(req, res, () =>
      this.cookies(req, res, () =>
        this.forms(req, res, (error?: unknown) => {
          if (!error) return next();
          const tooLarge = (error as { type?: string }).type === 'entity.too.large';
          this.pages.render(req, res, 'error.njk', { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED' }, { status: tooLarge ? 413 : 400 });
        }),
      ),
    );
  }
}
