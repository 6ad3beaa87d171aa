import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import Redis from 'ioredis';
import { redisOptions } from './redis-options';

/** A plain Redis client for counters and health, with the deployment's key prefix. */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(EnvDto) config: EnvDto) {
    this.prefix = `${config.REDIS_PREFIX}:`;
    this.client = new Redis({ ...redisOptions(config.REDIS_URL), keyPrefix: this.prefix });
    // Errors surface through commands and /health; an unhandled 'error' event would crash the process.
    this.client.on('error', () => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
