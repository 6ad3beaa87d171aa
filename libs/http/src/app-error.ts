import { HttpException } from '@nestjs/common';
import { ERRORS, ErrorCode, FieldError } from './error-codes';

/** A message in both languages; Spanish is the default. */
export interface Message {
  es: string;
  en: string;
}

/**
 * The one exception the domain throws: a contract error code, an optional specific message
 * and field details. The exception filter renders it in the requester's language.
 */
export class AppError extends HttpException {
  /** Response headers that belong with the error (e.g. `Retry-After` on a 429). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly code: ErrorCode,
    readonly text?: Message,
    readonly details: FieldError[] = [],
  ) {
    super(text?.es ?? ERRORS[code].es, ERRORS[code].status);
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  static notFound(what: Message): AppError {
    return new AppError('NOT_FOUND', what);
  }
}
