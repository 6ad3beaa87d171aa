import { redisOptions } from '@ventanilla/queue';
import Redis from 'ioredis';
import { Client } from 'pg';

/** What a process needs before it starts: PostgreSQL always, Redis for the api and the worker. */
export type RequiredService = 'postgres' | 'redis';

/** A service the process cannot start without; its message is the one line a person reads. */
export class ServiceUnreachableError extends Error {}

const TIMEOUT_MS = 3000;
const COMPOSE = 'docker compose -f docker/compose.yml up --build';

/** `host:port` of a URL, never its credentials. */
function address(url: string, defaultPort: number): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || defaultPort}`;
}

async function checkPostgres(url: string, database: 'must-exist' | 'may-be-created'): Promise<void> {
  const at = address(url, 5432);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 3D000: the server answers but the database is not there yet; the migrate step creates it.
    if (code === '3D000') {
      if (database === 'may-be-created') return;
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      throw new ServiceUnreachableError(`La base de datos «${name}» no existe en PostgreSQL (${at}): créela con npm run migrate (npm start lo hace).`);
    }
    // A SQLSTATE means the server answered and refused (a wrong user or password): nothing to start.
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      throw new ServiceUnreachableError(`PostgreSQL en ${at} rechazó la conexión (${(error as Error).message}): revise DATABASE_URL.`);
    }
    throw new ServiceUnreachableError(`PostgreSQL no responde en ${at} (DATABASE_URL): inícielo, o levante todo con Docker: ${COMPOSE}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw new ServiceUnreachableError(`Redis no responde en ${address(url, 6379)} (REDIS_URL): inícielo, o levante todo con Docker: ${COMPOSE}`);
  } finally {
    client.disconnect();
  }
}

/**
 * Checks, before Nest starts, that the services a process needs answer, so a missing one is
 * one clear line and an exit instead of retries and stack traces. PostgreSQL first: without it
 * nothing works.
 */
export async function requireServices(
  config: { DATABASE_URL: string; REDIS_URL: string },
  needs: RequiredService[] = ['postgres', 'redis'],
  database: 'must-exist' | 'may-be-created' = 'must-exist',
): Promise<void> {
  if (needs.includes('postgres')) await checkPostgres(config.DATABASE_URL, database);
  if (needs.includes('redis')) await checkRedis(config.REDIS_URL);
}
