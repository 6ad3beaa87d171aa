import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import { contractError } from '@ventanilla/http';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CsrfError } from './csrf';
import { PageRedirect, StaffRoleRefused } from './page-redirect';
import { PageRenderer } from './page-renderer';

/**
 * Errors on a page answer a page, not JSON: the same status the API would give, a title and
 * a plain sentence from the catalogue (keyed by the contract's error code), and a way on.
 * Page handlers catch the errors they expect (a wrong field, a wrong code) and re-render
 * their form; this is for everything else.
 */
@Catch()
@Injectable()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  constructor(private readonly pages: PageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof PageRedirect) return res.redirect(303, exception.location);
    const { status, code, errorId, headers } = this.classify(exception);
    if (code === 'SERVICE_UNAVAILABLE') this.logger.warn(`Servicio no disponible en ${req.method} ${req.path}: ${(exception as Error | undefined)?.message ?? String(exception)}`);
    if (errorId) this.logger.error({ errorId, err: exception }, `Error interno ${errorId} en ${req.method} ${req.path}`);
    if (headers) res.set(headers);
    this.pages.render(req, res, 'error.njk', { code, errorId, backTo: req.method === 'POST' ? req.path : null }, { status, private: true });
  }

  private classify(exception: unknown): { status: number; code: string; errorId?: string; headers?: Record<string, string> } {
    if (exception instanceof CsrfError) return { status: 403, code: 'CSRF' };
    if (exception instanceof StaffRoleRefused) return { status: 403, code: 'STAFF_ROLE' };
    // Domain errors and AppErrors: the status and code the API would answer (the API's one mapping).
    const refusal = contractError(exception);
    if (refusal) return { status: refusal.status, code: refusal.code, headers: refusal.headers };
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { status: exception.getStatus(), code: exception.getStatus() === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED' };
    }
    return { status: 500, code: 'INTERNAL_ERROR', errorId: randomUUID() };
  }
}
