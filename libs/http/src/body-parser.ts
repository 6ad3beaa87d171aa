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
  app.use(express.json({ limit }));
  app.use((err: BodyParserError, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const language = languageOf(req.headers['accept-language']);
    const appError =
      err.type === 'entity.too.large'
        ? new AppError('PAYLOAD_TOO_LARGE')
        : err.type === 'entity.parse.failed'
          ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo no es JSON válido.', en: 'The body is not valid JSON.' })
          : err.status && err.status < 500
            ? new AppError('VALIDATION_FAILED', { es: 'El cuerpo de la solicitud no se pudo leer.', en: 'The request body could not be read.' })
            : null;
    if (!appError) return next(err);
    const { body } = errorBody(appError, language);
    res.status(body.statusCode).json(body);
  });
}
