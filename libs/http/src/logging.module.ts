import { Module } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule, Params } from 'nestjs-pino';
// nestjs-pino's own request context: its `PinoLogger` (behind Nest's `Logger`) writes through the
// logger of the store it finds there, so a line logged while serving a request carries the request.
import { storage } from 'nestjs-pino/storage';
import { randomUUID } from 'node:crypto';
import pino, { Logger, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

/** Nest's start-up listing of every module and route: worth a look when debugging, noise otherwise. */
const BOOT_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const INFO = 30;
const GIVEN_REQUEST_ID = /^[\w-]{1,100}$/;

export function logFormat(config: EnvDto): 'pretty' | 'json' {
  return config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json');
}

/**
 * What a request line keeps of the request: who asked what. Never a body; no headers (they
 * carry codes, tokens and cookies). An error's id (500) is logged with the error itself by the
 * exception filter.
 */
interface RequestFields {
  id: string;
  method: string;
  url: string;
  remoteAddress?: string;
  userAgent?: string;
}

function requestFields(req: Request, id: string): RequestFields {
  return { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket?.remoteAddress, userAgent: req.headers['user-agent'] };
}

/** The root logger's options and where its lines go, for each `LOG_FORMAT`. */
export function rootLogger(config: EnvDto, destination: NodeJS.WritableStream | number = 1): Logger {
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    // Access codes and tokens never reach the logs, whoever logs a request.
    redact: ['req.headers["x-access-code"]', 'req.headers.authorization', 'req.headers.cookie'],
    hooks: {
      logMethod(args, method, level) {
        const first = args[0] as unknown;
        const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
        if (level === INFO && typeof context === 'string' && BOOT_CHATTER.has(context)) return this.debug(...(args as [string]));
        return method.apply(this, args);
      },
    },
  };
  if (logFormat(config) === 'json') {
    // Asynchronous writes: a request never waits on stdout (under load, synchronous writes to a
    // slow or full pipe stall the event loop). pino flushes what is buffered when the process
    // exits, the drain on SIGTERM and a crash's exit included.
    return pino(options, typeof destination === 'number' ? pino.destination({ dest: destination, sync: false }) : destination);
  }
  // One readable line per event; synchronous, so the last line before an exit is never lost.
  return pino(
    options,
    pretty({
      destination,
      sync: true,
      colorize: process.stdout.isTTY,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime',
      messageFormat: '{if context}[{context}] {end}{msg}',
    }),
  );
}

/**
 * nestjs-pino's request context, made lazily: the child logger bound to the request is built only
 * when something logs while the request is served (most requests log nothing but their line).
 */
class RequestContext {
  private child?: Logger;

  constructor(
    private readonly root: Logger,
    private readonly fields: RequestFields,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child({ req: this.fields }));
  }
}

/**
 * One line per HTTP request (id, method, address, client address, user agent, status, time), each
 * request with an id: `X-Request-Id` when the client sent a sane one, a UUID otherwise, answered in
 * `X-Request-Id`. Mounted once by `configureApi` ahead of everything; it does per request only
 * what the line needs (no child logger, no serializer pass).
 */
export class RequestLog {
  private readonly json: boolean;

  constructor(
    readonly root: Logger,
    config: EnvDto,
  ) {
    this.json = logFormat(config) === 'json';
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    (req as Request & { id: string }).id = id;
    const fields = requestFields(req, id);
    if (req.url !== '/health') {
      const started = Date.now();
      // 'close' comes once per answer: after it was sent, or when the client went away first.
      res.once('close', () => this.line(fields, res.statusCode, Date.now() - started));
    }
    storage.run(new RequestContext(this.root, fields) as never, next);
  };

  private line(req: RequestFields, statusCode: number, responseTime: number): void {
    const msg = !this.json ? `${req.method} ${req.url} → ${statusCode} (${responseTime} ms)` : statusCode >= 500 ? 'request errored' : 'request completed';
    this.root.info({ req, res: { statusCode }, responseTime }, msg);
  }
}

/** nestjs-pino's params over our root logger: its Nest `Logger`, without its own per-request middleware (`RequestLog` is it). */
export function loggerParams(root: Logger): Params {
  return { pinoHttp: { logger: root }, useExisting: true, forRoutes: [] };
}

const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** The process's one root logger (one stream on stdout), shared by nestjs-pino and `RequestLog`. */
@Module({
  providers: [
    { provide: ROOT_LOGGER, inject: [EnvDto], useFactory: (config: EnvDto) => rootLogger(config) },
    { provide: RequestLog, inject: [ROOT_LOGGER, EnvDto], useFactory: (root: Logger, config: EnvDto) => new RequestLog(root, config) },
  ],
  exports: [ROOT_LOGGER, RequestLog],
})
class RootLoggerModule {}

/**
 * Logs through pino, each HTTP request with an id (X-Request-Id in and out): readable lines in
 * development, JSON elsewhere (`LOG_FORMAT` chooses).
 */
@Module({
  imports: [
    RootLoggerModule,
    LoggerModule.forRootAsync({ imports: [RootLoggerModule], inject: [ROOT_LOGGER], useFactory: (root: Logger) => loggerParams(root) }),
  ],
  exports: [RootLoggerModule],
})
export class LoggingModule {}
