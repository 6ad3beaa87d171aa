import { Inject, Injectable, Logger } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { addressKey } from '@ventanilla/http';
import { RedisClient } from '@ventanilla/queue';
import { DataSource } from 'typeorm';

/** One counter: a key, its limit, and the window it counts over. */
interface Counter {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** An attempt counted before its code is checked; refunded when the code was right. */
export interface Reservation {
  counters: Counter[];
  store: 'redis' | 'postgres';
}

export type ReserveResult = { reserved: Reservation } | { retryAfterSeconds: number };

/**
 * Checks every counter below its limit and, only then, counts the attempt in all of them, in one
 * step: parallel guesses cannot all read "4 of 5" and all be checked. Answers
 * `[1, 0]` when reserved, `[0, ms]` with the milliseconds left on the first full counter.
 */
const RESERVE_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    return {0, redis.call('PTTL', KEYS[i])}
  end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
  end
end
return {1, 0}`;

/**
 * The same rule in one step for a code already checked here (`ARGV[#ARGV]` is 1 when it was
 * right): refused when a counter is full, whatever the code; otherwise a wrong code is counted
 * and a right one counts nothing — a reservation and its refund, with no window between them.
 */
const SETTLE_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    return {0, redis.call('PTTL', KEYS[i])}
  end
end
if ARGV[#ARGV] == '0' then
  for i = 1, #KEYS do
    if redis.call('INCR', KEYS[i]) == 1 then
      redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
    end
  end
end
return {1, 0}`;

/** Gives an attempt back, but never below zero nor to a counter that has already expired (DECR would recreate it without a TTL). */
const REFUND_SCRIPT = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
    redis.call('DECR', KEYS[i])
  end
end
return 1`;

const SCRIPTS = { accessCodeReserve: RESERVE_SCRIPT, accessCodeSettle: SETTLE_SCRIPT, accessCodeRefund: REFUND_SCRIPT };
type LimiterScripts = Record<keyof typeof SCRIPTS, (numberOfKeys: number, ...keysThenArgs: string[]) => Promise<unknown>>;

/**
 * Wrong access codes, counted per (folio, client address) and per client address. Nothing is
 * counted per folio alone, so failures from other addresses never lock the owner out, and the
 * per-address limit is sized for a shared address (an internet café, a municipal office).
 *
 * No answer leaves before the counters are consulted atomically with the attempt: `reserve`
 * counts it before an expensive check and `refund`s it when the code was right; `settle` does
 * both in one step for a code checked cheaply first. Either way the counters bound how many
 * wrong codes are ever answered, however many arrive at once.
 * Redis keeps the counters; while Redis cannot be reached, PostgreSQL keeps them with the same
 * rule (row locks serialize the attempts), so the limits hold through an outage.
 */
@Injectable()
export class AccessCodeLimiter {
  private readonly logger = new Logger(AccessCodeLimiter.name);
  private readonly scripts: LimiterScripts;

  constructor(
    redis: RedisClient,
    private readonly dataSource: DataSource,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {
    // ioredis' script commands: EVALSHA, falling back to EVAL once per connection, so a script's
    // text is not sent and hashed by Redis on every attempt (the requester's view pays one each).
    for (const [name, lua] of Object.entries(SCRIPTS)) if (!(name in redis.client)) redis.client.defineCommand(name, { lua });
    this.scripts = redis.client as unknown as LimiterScripts;
  }

  async reserve(folio: string, clientIp: string): Promise<ReserveResult> {
    const counters = this.counters(folio, clientIp);
    try {
      return await this.reserveInRedis(counters);
    } catch (error) {
      this.logger.warn(`Redis no responde; los intentos de código de acceso se cuentan en PostgreSQL (${(error as Error).message})`);
      return this.reserveInPostgres(counters);
    }
  }

  /**
   * An attempt whose code was checked already (a keyed hash: microseconds, nothing to spend):
   * one Redis round trip applies the reservation and, for a right code, its refund at once.
   * Nothing is answered before the counters are consulted, so past a limit every code gets
   * 429 and no more wrong codes are ever answered than the limits allow, as with `reserve`.
   */
  async settle(folio: string, clientIp: string, valid: boolean): Promise<{ allowed: true } | { retryAfterSeconds: number }> {
    const counters = this.counters(folio, clientIp);
    const args = [...counters.flatMap((c) => [String(c.limit), String(c.windowSeconds * 1000)]), valid ? '1' : '0'];
    let answer: [number, number];
    try {
      answer = (await this.scripts.accessCodeSettle(counters.length, ...counters.map((c) => c.key), ...args)) as [number, number];
    } catch (error) {
      this.logger.warn(`Redis no responde; los intentos de código de acceso se cuentan en PostgreSQL (${(error as Error).message})`);
      const attempt = await this.reserveInPostgres(counters);
      if (!('reserved' in attempt)) return attempt;
      if (valid) await this.refund(attempt.reserved);
      return { allowed: true };
    }
    const [allowed, pttl] = answer;
    return allowed === 1 ? { allowed: true } : { retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
  }

  /** The code was right: the attempt was not a failure. */
  async refund(reservation: Reservation): Promise<void> {
    const keys = reservation.counters.map((c) => c.key);
    if (reservation.store === 'redis') {
      await this.scripts.accessCodeRefund(keys.length, ...keys).catch(() => undefined);
      return;
    }
    await this.dataSource
      .query(`UPDATE access_code_attempts SET count = count - 1 WHERE key = ANY($1::text[]) AND count > 0 AND expires_at > now()`, [keys])
      .catch(() => undefined);
  }

  private counters(folio: string, clientIp: string): Counter[] {
    const address = addressKey(clientIp);
    return [
      { key: `access-fail:pair:${folio}:${address}`, limit: this.config.ACCESS_CODE_MAX_FAILURES, windowSeconds: this.config.ACCESS_CODE_LOCK_SECONDS },
      {
        key: `access-fail:address:${address}`,
        limit: this.config.ACCESS_CODE_ADDRESS_MAX_FAILURES,
        windowSeconds: this.config.ACCESS_CODE_ADDRESS_WINDOW_SECONDS,
      },
    ];
  }

  private async reserveInRedis(counters: Counter[]): Promise<ReserveResult> {
    const args = counters.flatMap((c) => [String(c.limit), String(c.windowSeconds * 1000)]);
    const [reserved, pttl] = (await this.scripts.accessCodeReserve(counters.length, ...counters.map((c) => c.key), ...args)) as [number, number];
    if (reserved === 1) return { reserved: { counters, store: 'redis' } };
    return { retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
  }

  private async reserveInPostgres(counters: Counter[]): Promise<ReserveResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const counter of counters) {
        // The upsert locks the counter's row until the transaction ends: concurrent attempts queue here.
        const [row]: { count: number; retry_after: number }[] = await runner.query(
          `INSERT INTO access_code_attempts AS a (key, count, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2))
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN a.expires_at <= now() THEN 1 ELSE a.count + 1 END,
             expires_at = CASE WHEN a.expires_at <= now() THEN now() + make_interval(secs => $2) ELSE a.expires_at END
           RETURNING count, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after`,
          [counter.key, counter.windowSeconds],
        );
        if (row.count > counter.limit) {
          await runner.rollbackTransaction();
          return { retryAfterSeconds: Math.max(1, row.retry_after) };
        }
      }
      await runner.commitTransaction();
      return { reserved: { counters, store: 'postgres' } };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
