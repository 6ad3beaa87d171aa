import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { EnvDto } from '@ventanilla/config';
import { Logger } from 'nestjs-pino';
import { BodyErrorPipe, useJsonBodyParser } from './body-parser';
import { ContractExceptionFilter, UNKNOWN_PAGE, UnknownPage } from './exception.filter';
import { RequestLog } from './logging.module';
import { useCors, useSecurityHeaders } from './security-headers';
import { completeDocument } from './openapi';
import { createValidationPipe } from './validation';

/** The web pages' stable addresses (api.md, "Web pages") and their assets stay at the root, outside /api/v1. */
const PAGE_ROOTS = ['solicitar', 'solicitudes', 'sujetos', 'buscar', 'estadisticas', 'personal', 'static'];
const PAGE_ROUTES = [
  { path: '/', method: RequestMethod.ALL },
  ...PAGE_ROOTS.flatMap((root) => [root, `${root}/{*rest}`].map((path) => ({ path, method: RequestMethod.ALL }))),
];
const PAGE_ADDRESS = new RegExp(`^/(?:$|(?:${PAGE_ROOTS.join('|')})(?:/|$))`);

/** What the pages need before their handlers (cookies, forms, compression); the web pages provide it under this token. */
export const PAGES_MIDDLEWARE = Symbol('PAGES_MIDDLEWARE');
export type PagesHandler = (req: Request, res: Response, next: NextFunction) => void;

/** Everything the api does to its Nest app, shared by `main.ts` and the e2e tests. */
export function configureApi(app: INestApplication, config: EnvDto): void {
  app.useLogger(app.get(Logger));
  // First, so that every answer (a preflight, a body error, an unknown address) has its id and line.
  app.use(app.get(RequestLog).middleware);
  if (config.TRUST_PROXY) {
    const value = /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY;
    (app as NestExpressApplication).set('trust proxy', value === 'true' ? true : value);
  }
  useSecurityHeaders(app);
  useCors(app, config);
  useJsonBodyParser(app, config.BODY_LIMIT);
  // One layer with one test for every page address, ahead of Nest's routes: the API's requests
  // pass it at the cost of a regular expression instead of one layer per page route.
  const pages = optional<PagesHandler>(app, PAGES_MIDDLEWARE);
  if (pages) app.use((req: Request, res: Response, next: NextFunction) => (PAGE_ADDRESS.test(req.path) ? pages(req, res, next) : next()));
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }, ...PAGE_ROUTES] });
  // No global interceptor (see BodyErrorPipe): the body's error first, then the DTO's validation.
  app.useGlobalPipes(new BodyErrorPipe(), createValidationPipe());
  app.useGlobalFilters(new ContractExceptionFilter(optional<UnknownPage>(app, UNKNOWN_PAGE)));
  const document = completeDocument(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ventanilla — API pública v1')
      .setDescription('Ventanilla única de solicitudes de acceso a la información pública (LAIP, Decreto 57-2008).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ));
  SwaggerModule.setup('api/docs', app, document);
}

/** A provider the app may lack (a test app without the pages' module). */
function optional<T>(app: INestApplication, token: symbol): T | undefined {
  try {
    return app.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}
