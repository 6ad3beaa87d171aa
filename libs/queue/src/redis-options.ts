import type { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// URL; `forWorker` lets blocking commands wait forever, as BullMQ workers need. */
export function redisOptions(url: string, forWorker = false): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 1,
    // Producers fail fast while Redis is down (the outbox keeps the work); workers wait for it.
    enableOfflineQueue: forWorker,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}
