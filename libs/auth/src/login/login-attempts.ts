import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@ventanilla/http';
import { RedisClient } from '@ventanilla/queue';
import { CounterState, LOGIN_LIMITS, loginCounterKeys, ThrottleVerdict, throttleVerdict } from './login-throttle';

/**
 * Takes one from a counter that still exists. A plain DECR on a key that expired meanwhile
 * would recreate it without expiry and lock that client out for good.
 */
const GIVE_BACK = `
for _, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n > 0 then redis.call('DECR', key) end
end
return 0`;

/**
 * Failed-login counters in Redis, per email and per client address. Each attempt is counted
 * before its password is checked, so a burst of parallel guesses cannot slip past the limit;
 * a success, or a refused attempt, gives its count back.
 */
@Injectable()
export class LoginAttempts {
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(private readonly redis: RedisClient) {}

  async reserve(email: string, address: string): Promise<ThrottleVerdict> {
    const keys = loginCounterKeys(email, address);
    const windowMs = LOGIN_LIMITS.windowSeconds * 1000;
    const replies = await this.run(() => {
      const tx = this.redis.client.multi();
      for (const key of [keys.email, keys.address]) tx.set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key);
      return tx.exec();
    });
    if (!replies || replies.length !== 6) throw this.unavailable(new Error('Redis no completó la transacción'));
    const failed = replies.find(([error]) => error)?.[0];
    if (failed) throw this.unavailable(failed);
    const value = (i: number) => Number(replies[i][1]);
    const counters: CounterState[] = [
      { count: value(1), pttlMs: value(2), max: LOGIN_LIMITS.perEmail },
      { count: value(4), pttlMs: value(5), max: LOGIN_LIMITS.perAddress },
    ];
    const verdict = throttleVerdict(counters);
    // A refused attempt checks no password, so it is not a failure.
    if (!verdict.allowed) await this.run(() => this.redis.client.eval(GIVE_BACK, 2, keys.email, keys.address));
    return verdict;
  }

  /** A correct password clears the email's failures; the address keeps the others' but not this one. */
  async succeeded(email: string, address: string): Promise<void> {
    const keys = loginCounterKeys(email, address);
    await this.run(async () => {
      await this.redis.client.del(keys.email);
      await this.redis.client.eval(GIVE_BACK, 1, keys.address);
    });
  }

  /** Without Redis there is no limit to enforce, so logins stop (503) rather than go unlimited. */
  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): AppError {
    this.logger.warn({ err: error }, 'No se pudo consultar el límite de intentos de inicio de sesión en Redis');
    return new AppError('SERVICE_UNAVAILABLE');
  }
}
