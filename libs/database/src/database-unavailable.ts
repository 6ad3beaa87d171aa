/**
 * Whether an error means PostgreSQL cannot be reached or cannot serve now (the request may
 * succeed if retried): refused or dropped connections, no free connection in time, the
 * server shutting down or full, and the limits of `PoolLimits` (statement, lock,
 * idle-in-transaction). The api answers these 503 with Retry-After, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driver = ((error as { driverError?: unknown } | undefined)?.driverError ?? error) as { code?: unknown; message?: unknown } | undefined;
  const code = typeof driver?.code === 'string' ? driver.code : '';
  if (code.startsWith('08') || SQLSTATES.has(code) || NETWORK_CODES.has(code)) return true;
  const message = typeof driver?.message === 'string' ? driver.message : '';
  return MESSAGES.test(message);
}

const SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '25P03', // idle_in_transaction_session_timeout
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// node-postgres and pg-pool say these in words only.
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|PostgreSQL no respondió/i;
