import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { errorBody } from './exception.filter';
import { AppError } from './app-error';
import { languageOf } from './language';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * JSON bodies up to `limit`. Body-parser fails before Nest's filters run, so its errors
 * (malformed JSON, too large) are turned into the contract's body here.
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
      reviver: (_key, value: unknown) => {
        if (typeof value === 'string' && value.includes('\u0000')) throw Object.assign(new Error('NUL'), { type: 'nul.character' });
        return value;
      },
    }),
  );
  // JSON bodies are objects: a top-level array or scalar is a bad request, never a crash downstream.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (Array.isArray(req.body)) return next(Object.assign(new Error('array body'), { type: 'entity.not.object', status: 400 }));
    next();
  });
  app.use((err: BodyParserError, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const language = languageOf(req.headers['accept-language']);
    const appError =
      err.type === 'entity.too.large'
        ? new AppError('PAYLOAD_TOO_LARGE')
        : err.type === 'nul.character' || (err.type === 'entity.parse.failed' && /NUL/.test(err.message))
          ? new AppError('VALIDATION_FAILED', { es: 'La solicitud contiene un carácter nulo (U+0000).', en: 'The request contains a NUL character (U+0000).' })
        : err.type === 'entity.parse.failed' || err.type === 'entity.not.object'
          ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo debe ser un objeto JSON válido.', en: 'The body must be a valid JSON object.' })
          : err.status && err.status < 500
            ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo de la solicitud no se pudo leer.', en: 'The request body could not be read.' })
            : null;
    if (!appError) return next(err);
    const { body } = errorBody(appError, language);
    res.status(body.statusCode).json(body);
  });
}
