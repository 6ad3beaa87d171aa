import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** The same text gets the same name on every connection (node-postgres prepares a name once per connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `v_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement: PostgreSQL parses, analyses and plans it once per
 * connection and then only binds and executes it. The filing's write is one long statement, and
 * parsing and planning it was about a third of its server time on every filing. Only for a hot
 * path's fixed texts (whose parameters carry every varying value): each distinct text stays
 * prepared on each pool connection for that connection's life.
 * Runs on the manager's own connection when it has one (a transaction's, a replica's), else on
 * a connection of the primary's pool for this statement only, as `manager.query` does (through
 * TypeORM's query runner, so a connection that fails is dropped from the pool; and with the
 * promise form of `Client.query`, which the pool's `ReadTimeoutClient` watches). Errors are
 * node-postgres's own (`code`, `constraint`), as `QueryFailedError.driverError` carries them.
 */
export async function preparedQuery<T extends QueryResultRow = QueryResultRow>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query = { name: statementName(text), text, values };
  const own = manager.queryRunner;
  const runner = own && !own.isReleased ? own : manager.connection.createQueryRunner('master');
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T>(query)).rows;
  } finally {
    if (runner !== own) await runner.release();
  }
}
