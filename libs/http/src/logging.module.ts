import { Module, RequestMethod } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { LoggerModule, Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

/** Nest's start-up listing of every module and route: worth a look when debugging, noise otherwise. */
const BOOT_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const INFO = 30;

export function logFormat(config: EnvDto): 'pretty' | 'json' {
  return config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json');
}

/**
 * What a JSON request line keeps of the request and the answer: who asked what, and how it
 * went. Never a body; no headers (they carry codes, tokens and cookies, and cost a serialization
 * on every request). An error's id (500) is logged with the error itself by the exception filter.
 */
const ACCESS_LINE = {
  req: (req: { id: unknown; method: string; url: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    userAgent: req.headers?.['user-agent'],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** `destination`: where lines go (stdout unless a test says otherwise). */
export function loggerParams(config: EnvDto, destination: NodeJS.WritableStream | number = 1): Params {
  const options: LoggerOptions & Record<string, unknown> = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Access codes and tokens never reach the logs.
    redact: ['req.headers["x-access-code"]', 'req.headers.authorization', 'req.headers.cookie'],
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
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
    const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: false }) : destination;
    return { pinoHttp: [{ ...options, serializers: ACCESS_LINE }, stream], forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
  }

  // One readable line per event; synchronous, so the last line before an exit is never lost.
  const stream = pretty({
    destination,
    sync: true,
    colorize: process.stdout.isTTY,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
  const requestLine = (req: IncomingMessage, res: ServerResponse, ms?: number) =>
    `${req.method} ${req.url} → ${res.statusCode}${ms === undefined ? '' : ` (${Math.round(ms)} ms)`}`;
  return {
    pinoHttp: [{ ...options, customSuccessMessage: requestLine, customErrorMessage: (req, res) => requestLine(req, res) }, stream],
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

/**
 * Logs through pino, each HTTP request with an id (X-Request-Id in and out): readable lines in
 * development, JSON elsewhere (`LOG_FORMAT` chooses).
 */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [EnvDto], useFactory: (config: EnvDto) => loggerParams(config) })],
})
export class LoggingModule {}
