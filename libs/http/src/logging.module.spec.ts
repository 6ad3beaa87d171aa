import { loadConfig } from '@ventanilla/config';
import type { Request, Response } from 'express';
import { storage } from 'nestjs-pino/storage';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { logFormat, RequestLog, rootLogger } from './logging.module';

/** The module's root logger, writing into memory. */
function loggerFor(env: NodeJS.ProcessEnv): { log: pino.Logger; lines: () => string[] } {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const log = rootLogger(loadConfig(env), sink);
  return { log, lines: () => text.split('\n').filter(Boolean) };
}

/** A request and its answer as Node makes them, without a network. */
function exchange(url: string, headers: Record<string, string> = {}): { req: Request; res: Response } {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: 'GET', url, originalUrl: url, headers: { 'user-agent': 'prueba/1.0', ...headers } });
  return { req: req as Request, res: new ServerResponse(req) as unknown as Response };
}

describe('logging', () => {
  it('is readable in development and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(logFormat(loadConfig({}))).toBe('pretty');
    expect(logFormat(loadConfig({ NODE_ENV: 'test' }))).toBe('json');
    expect(logFormat(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }))).toBe('json');
    expect(logFormat(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }))).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('writes one readable line per event in development, with its context', () => {
    const { log, lines } = loggerFor({});
    log.info({ context: 'AdminBootstrap' }, 'Administrador creado');
    log.warn({ context: 'Outbox', attempt: 2 }, 'Redis no responde');
    expect(lines()).toHaveLength(2);
    expect(lines()[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[AdminBootstrap\] Administrador creado$/);
    expect(lines()[1]).toMatch(/WARN: \[Outbox\] Redis no responde .*attempt.*2/);
  });

  it('writes JSON in production', () => {
    const { log, lines } = loggerFor({ NODE_ENV: 'test' });
    log.info({ context: 'AdminBootstrap' }, 'Administrador creado');
    expect(JSON.parse(lines()[0])).toMatchObject({ level: 30, context: 'AdminBootstrap', msg: 'Administrador creado' });
  });

  it("keeps Nest's module and route listing out of info, and in debug", () => {
    const quiet = loggerFor({});
    quiet.log.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/subjects, GET} route');
    expect(quiet.lines()).toEqual([]);
    const debugging = loggerFor({ NODE_ENV: 'test', LOG_LEVEL: 'debug' });
    debugging.log.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/subjects, GET} route');
    expect(JSON.parse(debugging.lines()[0])).toMatchObject({ level: 20, context: 'RouterExplorer' });
  });

  describe('the request line', () => {
    it('is one JSON line per request with its id, method, address, user agent, status and time, and never a header value', () => {
      const { log, lines } = loggerFor({ NODE_ENV: 'test' });
      const requestLog = new RequestLog(log, loadConfig({ NODE_ENV: 'test' }));
      const { req, res } = exchange('/api/v1/requests/VT-2026-AAAA-BBBB', { 'x-access-code': 'SECRETO12345', authorization: 'Bearer x' });
      requestLog.middleware(req, res, () => undefined);
      const id = res.getHeader('X-Request-Id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines()).toEqual([]);
      res.statusCode = 404;
      res.end();
      res.emit('close');
      expect(lines()).toHaveLength(1);
      const line = JSON.parse(lines()[0]);
      expect(line).toMatchObject({
        level: 30,
        msg: 'request completed',
        req: { id, method: 'GET', url: '/api/v1/requests/VT-2026-AAAA-BBBB', userAgent: 'prueba/1.0' },
        res: { statusCode: 404 },
        responseTime: expect.any(Number),
      });
      expect(lines()[0]).not.toMatch(/SECRETO|Bearer/);
    });

    it("keeps the client's own sane X-Request-Id and replaces anything else", () => {
      const { log } = loggerFor({ NODE_ENV: 'test' });
      const requestLog = new RequestLog(log, loadConfig({ NODE_ENV: 'test' }));
      const sane = exchange('/x', { 'x-request-id': 'abc-123_DEF' });
      requestLog.middleware(sane.req, sane.res, () => undefined);
      expect(sane.res.getHeader('X-Request-Id')).toBe('abc-123_DEF');
      const odd = exchange('/x', { 'x-request-id': 'a b\u0000' });
      requestLog.middleware(odd.req, odd.res, () => undefined);
      expect(odd.res.getHeader('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('reads in development as method, address, status and time', () => {
      const { log, lines } = loggerFor({});
      const requestLog = new RequestLog(log, loadConfig({}));
      const { req, res } = exchange('/solicitar');
      requestLog.middleware(req, res, () => undefined);
      res.end();
      res.emit('close');
      expect(lines()[0]).toMatch(/INFO: GET \/solicitar → 200 \(\d+ ms\)$/);
    });

    it('is not written for the health check, which still gets an id', () => {
      const { log, lines } = loggerFor({ NODE_ENV: 'test' });
      const { req, res } = exchange('/health');
      new RequestLog(log, loadConfig({ NODE_ENV: 'test' })).middleware(req, res, () => undefined);
      res.end();
      res.emit('close');
      expect(res.getHeader('X-Request-Id')).toBeDefined();
      expect(lines()).toEqual([]);
    });

    it('gives what is logged while the request is served its id (the context nestjs-pino reads)', () => {
      const { log, lines } = loggerFor({ NODE_ENV: 'test' });
      const { req, res } = exchange('/api/v1/subjects', { 'x-request-id': 'peticion-1' });
      new RequestLog(log, loadConfig({ NODE_ENV: 'test' })).middleware(req, res, () => storage.getStore()!.logger.warn('Redis no responde'));
      expect(JSON.parse(lines()[0])).toMatchObject({ level: 40, msg: 'Redis no responde', req: { id: 'peticion-1', url: '/api/v1/subjects' } });
    });
  });
});
