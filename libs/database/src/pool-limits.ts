import type { EnvDto } from '@ventanilla/config';
import { Client } from 'pg';

/** The limits every pool of the api and the worker runs with (DB_* settings). */
export interface PoolLimits {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export function poolLimits(config: EnvDto): PoolLimits {
  return {
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/** How much longer than the server's statement limit the client waits for an answer before it gives the connection up. */
const READ_MARGIN_MS = 5000;

/**
 * node-postgres pool options for these limits. The server enforces the statement, lock and
 * idle-in-transaction limits (a stalled client's transaction is rolled back and its row locks
 * released) and probes idle clients with TCP keepalives; the client waits at most
 * `connectTimeoutMs` for a connection and, through `ReadTimeoutClient`, drops a connection
 * whose answer does not come (a network that swallows packets without a reset), so the pool
 * replaces it instead of waiting for the kernel's keepalive, which takes minutes.
 */
export function poolOptions(limits: PoolLimits): Record<string, unknown> {
  return {
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    options: '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3',
    Client: readTimeoutClient(limits.statementTimeoutMs + READ_MARGIN_MS),
  };
}

type QueryArgs = Parameters<Client['query']>;

/**
 * A pg Client that destroys its connection when a query has had no answer for `ms`. pg's own
 * `query_timeout` rejects the query but keeps the connection, stuck behind the lost answer,
 * and it would also cut cursors that a slow reader paces (open data), which this leaves alone.
 */
export function readTimeoutClient(ms: number): typeof Client {
  return class ReadTimeoutClient extends Client {
    override query(...args: unknown[]): never {
      const result = (super.query as (...a: unknown[]) => unknown)(...(args as QueryArgs));
      const submittable = typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function';
      if (!submittable && result instanceof Promise) {
        const timer = setTimeout(() => {
          const stream = (this as unknown as { connection?: { stream?: { destroy(error?: Error): void } } }).connection?.stream;
          stream?.destroy(new Error(`PostgreSQL no respondió en ${ms} ms; se descarta la conexión`));
        }, ms);
        timer.unref();
        result.then(
          () => clearTimeout(timer),
          () => clearTimeout(timer),
        );
      }
      return result as never;
    }
  };
}
