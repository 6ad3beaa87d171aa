import { CallHandler, ExecutionContext, INestApplication, NestInterceptor } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { Observable, throwError } from 'rxjs';
import { AppError } from './app-error';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** A UTF-16 surrogate without its pair: not a character, and a crash for URI and email code downstream. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type BodyErrorRequest = Request & { bodyError?: AppError };

/**
 * JSON bodies up to `limit`. Body-parser fails before Nest's guards run, so its errors
 * (malformed JSON, too large, NUL or malformed Unicode) are kept on the request and raised by
 * `BodyErrorInterceptor` after the guards: who may call comes before what the body holds.
 */
export function useJsonBodyParser(app: INestApplication, limit: string): void {
  // PostgreSQL text cannot hold NUL: refuse it at the door rather than fail deep inside.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (/%00/i.test(req.originalUrl)) return next(Object.assign(new Error('NUL in URL'), { type: 'nul.character', status: 400 }));
    next();
  });
  app.use(
    express.json({
      limit,
      reviver: (key, value: unknown) => {
        if (typeof value === 'string' && value.includes('\u0000')) throw Object.assign(new Error('NUL'), { type: 'nul.character' });
        if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
          throw Object.assign(new Error('lone surrogate'), { type: 'malformed.unicode' });
        }
        return value;
      },
    }),
  );
  // JSON bodies are objects: a top-level array or scalar is a bad request, never a crash downstream.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (Array.isArray(req.body)) return next(Object.assign(new Error('array body'), { type: 'entity.not.object', status: 400 }));
    next();
  });
  app.use((err: BodyParserError, req: BodyErrorRequest, _res: Response, next: NextFunction) => {
    if (!err) return next();
    const appError =
      err.type === 'entity.too.large'
        ? new AppError('PAYLOAD_TOO_LARGE')
        : err.type === 'nul.character' || (err.type === 'entity.parse.failed' && /NUL/.test(err.message))
          ? new AppError('VALIDATION_FAILED', { es: 'La solicitud contiene un carácter nulo (U+0000).', en: 'The request contains a NUL character (U+0000).' })
        : err.type === 'malformed.unicode' || (err.type === 'entity.parse.failed' && /lone surrogate/.test(err.message))
          ? new AppError('VALIDATION_FAILED', {
              es: 'La solicitud contiene texto Unicode mal formado (un sustituto UTF-16 sin pareja).',
              en: 'The request contains malformed Unicode text (an unpaired UTF-16 surrogate).',
            })
        : err.type === 'entity.parse.failed' || err.type === 'entity.not.object'
          ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo debe ser un objeto JSON válido.', en: 'The body must be a valid JSON object.' })
          : err.status && err.status < 500
            ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo de la solicitud no se pudo leer.', en: 'The request body could not be read.' })
            : null;
    if (!appError) return next(err);
    req.body = undefined;
    req.bodyError = appError;
    next();
  });
}

/** Raises the body's error kept by `useJsonBodyParser`, once the guards have let the caller through. */
export class BodyErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const error = context.switchToHttp().getRequest<BodyErrorRequest>().bodyError;
    return error ? throwError(() => error) : next.handle();
  }
}
