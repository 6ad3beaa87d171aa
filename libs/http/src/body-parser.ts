import { ArgumentMetadata, INestApplication, PipeTransform } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';
import { errorBody } from './exception.filter';
import { hasLoneSurrogate, malformedUnicode } from './free-text';
import { languageOf } from './language';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

const NUL_IN_REQUEST = () =>
  new AppError('VALIDATION_FAILED', { es: 'La solicitud contiene un carácter nulo (U+0000).', en: 'The request contains a NUL character (U+0000).' });

/**
 * What `@Body()` receives when the body could not be read: `BodyErrorPipe` raises its error,
 * after the guards (a pipe runs after them), so who may call comes before what the body holds.
 */
export class UnreadableBody {
  constructor(readonly error: AppError) {}
}

/**
 * JSON bodies up to `limit`. Body-parser fails before Nest's guards run, so its errors
 * (malformed JSON, too large, NUL or malformed Unicode) are kept as the request's body and raised
 * by `BodyErrorPipe` once the guards have let the caller through. A route that takes no body
 * never reads it, whatever it holds.
 */
export function useJsonBodyParser(app: INestApplication, limit: string): void {
  const json = express.json({
    limit,
    reviver: (key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) throw Object.assign(new Error('NUL'), { type: 'nul.character' });
      if (hasLoneSurrogate(key) || (typeof value === 'string' && hasLoneSurrogate(value))) {
        throw Object.assign(new Error('lone surrogate'), { type: 'malformed.unicode' });
      }
      return value;
    },
  });
  // One layer for the three steps (every request walks past each layer).
  app.use((req: Request, res: Response, next: NextFunction) => {
    // PostgreSQL text cannot hold NUL: a URL with one is refused at the door, whatever the route
    // (a route without a body would never see a body's error), rather than fail deep inside.
    if (/%00/i.test(req.originalUrl)) {
      const { body } = errorBody(NUL_IN_REQUEST(), languageOf(req.headers['accept-language']));
      res.status(body.statusCode).json(body);
      return;
    }
    json(req, res, (error?: unknown) => {
      if (error) return next(error);
      // JSON bodies are objects: a top-level array or scalar is a bad request, never a crash downstream.
      if (Array.isArray(req.body)) return next(Object.assign(new Error('array body'), { type: 'entity.not.object', status: 400 }));
      next();
    });
  });
  app.use((err: BodyParserError, req: Request, _res: Response, next: NextFunction) => {
    if (!err) return next();
    const appError =
      err.type === 'entity.too.large'
        ? new AppError('PAYLOAD_TOO_LARGE')
        : err.type === 'nul.character' || (err.type === 'entity.parse.failed' && /NUL/.test(err.message))
          ? NUL_IN_REQUEST()
        : err.type === 'malformed.unicode' || (err.type === 'entity.parse.failed' && /lone surrogate/.test(err.message))
          ? malformedUnicode()
        : err.type === 'entity.parse.failed' || err.type === 'entity.not.object'
          ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo debe ser un objeto JSON válido.', en: 'The body must be a valid JSON object.' })
          : err.status && err.status < 500
            ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo de la solicitud no se pudo leer.', en: 'The request body could not be read.' })
            : null;
    if (!appError) return next(err);
    req.body = new UnreadableBody(appError);
    next();
  });
}

/**
 * Raises the error of a body `useJsonBodyParser` could not read. A global pipe rather than an
 * interceptor: any interceptor puts every route of the app through RxJS and async-context
 * bindings, on every request.
 */
export class BodyErrorPipe implements PipeTransform {
  transform(value: unknown, _metadata: ArgumentMetadata): unknown {
    if (value instanceof UnreadableBody) throw value.error;
    return value;
  }
}
