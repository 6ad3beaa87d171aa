import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@ventanilla/database';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { contractError, databaseUnavailable } from './contract-error';
import { ERRORS, ErrorBody, ErrorCode, Language } from './error-codes';
import { languageOf } from './language';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Builds the contract's error body (and the headers that go with it) for any thrown value:
 * domain errors, AppErrors and validation through `contractError`; Nest's own exceptions by
 * status; anything else is a 500 with an id, and its cause goes to the log.
 */
export function errorBody(exception: unknown, language: Language): { body: ErrorBody; headers: Record<string, string>; cause?: unknown } {
  const refusal = contractError(exception, language);
  if (refusal) {
    return { body: { statusCode: refusal.status, error: refusal.code, message: refusal.message, details: refusal.details }, headers: refusal.headers };
  }
  if (exception instanceof HttpException && CODE_BY_STATUS[exception.getStatus()]) {
    return { body: render(CODE_BY_STATUS[exception.getStatus()], language), headers: {} };
  }
  const errorId = randomUUID();
  return { body: { ...render('INTERNAL_ERROR', language), errorId }, headers: {}, cause: exception };
}

function render(code: ErrorCode, language: Language): ErrorBody {
  return { statusCode: ERRORS[code].status, error: code, message: ERRORS[code][language], details: [] };
}


/**
 * Answers a browser that asked for an address no route has (a mistyped folio link, an old
 * bookmark) with the pages' "not found" page. The web pages provide it under this token.
 */
export const UNKNOWN_PAGE = Symbol('UNKNOWN_PAGE');
export type UnknownPage = (request: Request, response: Response) => void;

/**
 * The one exception filter: every error, unknown routes included, leaves in the contract's
 * shape — except an unknown address outside `/api` that a browser asked for as HTML, which
 * gets the pages' 404 page when one is given.
 */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly unknownPage?: UnknownPage) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = isDatabaseUnavailable(thrown) ? this.databaseUnavailable(thrown) : thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (this.unknownPage && !response.headersSent && isUnknownRoute(exception) && wantsPage(request)) {
      return this.unknownPage(request, response);
    }
    const { body, headers, cause } = errorBody(exception, languageOf(request.headers['accept-language']));
    if (cause !== undefined) {
      this.logger.error({ errorId: body.errorId, err: cause }, `Error interno ${body.errorId}`);
    }
    if (response.headersSent) return;
    response.set(headers);
    response.status(body.statusCode).json(body);
  }

  /** PostgreSQL cannot be reached (or timed out): the contract's 503 with Retry-After, never a 500. */
  private databaseUnavailable(error: unknown): AppError {
    this.logger.warn(`Base de datos no disponible: ${(error as Error | undefined)?.message ?? String(error)}`);
    return databaseUnavailable();
  }
}

/** Nest's router answers an address no route has with a plain NotFoundException; our own 404s are AppErrors. */
function isUnknownRoute(exception: unknown): boolean {
  return exception instanceof NotFoundException && !(exception instanceof AppError);
}

/** A browser (HTML preferred over JSON), outside the API's and health's addresses. */
function wantsPage(request: Request): boolean {
  if (request.path === '/health' || request.path === '/api' || request.path.startsWith('/api/')) return false;
  return request.accepts(['json', 'html']) === 'html';
}
