import { loadConfig } from '@ventanilla/config';
import { PassThrough } from 'node:stream';
import pino, { LoggerOptions } from 'pino';
import { logFormat, loggerParams } from './logging.module';

/** A pino logger built from the module's params, writing into memory. */
function loggerFor(env: NodeJS.ProcessEnv): { log: pino.Logger; lines: () => string[] } {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const params = loggerParams(loadConfig(env), sink).pinoHttp;
  const log = Array.isArray(params) ? pino(params[0] as LoggerOptions, params[1]) : pino(params as LoggerOptions, sink);
  return { log, lines: () => text.split('\n').filter(Boolean) };
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
});
