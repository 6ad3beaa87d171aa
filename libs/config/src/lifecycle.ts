import { INestApplicationContext, Logger } from '@nestjs/common';
import type { Server } from 'node:http';

/** A start-up failure whose message is the one line an operator needs (no stack trace). */
export class StartupError extends Error {}

/** Turns a failed `listen` into one Spanish line naming the setting; other errors pass unchanged. */
export function listenError(error: unknown, setting: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(`El puerto ${port} (${setting}) ya está en uso: detenga el proceso que lo ocupa o elija otro puerto en ${setting}.`);
  }
  if (code === 'EACCES') {
    return new StartupError(`No hay permiso para escuchar en el puerto ${port} (${setting}): elija un puerto mayor que 1023 en ${setting}.`);
  }
  return error;
}

export interface DrainOptions {
  /** `SHUTDOWN_TIMEOUT_MS`: past it the process exits anyway. */
  timeoutMs: number;
  /** The api's HTTP server: it stops accepting connections first and its in-flight requests finish. */
  httpServer?: Server;
}

/**
 * SIGTERM or SIGINT: stop taking work, let what is in flight finish (requests, jobs: the Nest
 * shutdown hooks close the HTTP server, then the BullMQ workers wait for their active jobs,
 * then the connections close), and exit; past `timeoutMs`, exit anyway. A transaction cut
 * short by that exit is rolled back by PostgreSQL: nothing is left half-written.
 */
export function drainOnSignals(app: INestApplicationContext, name: string, options: DrainOptions): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} otra vez: ${name} sale sin esperar`);
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    logger.log(`${signal}: ${name} deja de aceptar trabajo y termina lo que tiene en curso (hasta ${options.timeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.error(`${name} no terminó en ${options.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS); sale de todos modos`);
      process.exit(1);
    }, options.timeoutMs);
    deadline.unref();
    (async () => {
      if (options.httpServer) await closeHttpServer(options.httpServer);
      await app.close();
    })().then(
      () => {
        logger.log(`${name} detenido en ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`${name} no se detuvo limpiamente: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Stops accepting connections and resolves when the in-flight requests have been answered.
 * A request that still arrives on an open keep-alive connection is answered with
 * `Connection: close`, and connections are closed as soon as they fall idle (Node closes only
 * those idle at the moment `close` is called).
 */
function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.prependListener('request', (_req, res) => {
      res.shouldKeepAlive = false;
    });
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
}
