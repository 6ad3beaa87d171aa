import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { EnvDto } from '@ventanilla/config';
import { QueueModule, RedisClient } from '@ventanilla/queue';
import { RecipientLimit } from './recipient-limit.service';
import { ResilientThrottlerStorage } from './throttling-storage';
import { throttlers } from './throttlers';

/** @nestjs/throttler over Redis for the per-address limits (filing, routing suggestions, search). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [QueueModule],
      inject: [EnvDto, RedisClient],
      useFactory: (config: EnvDto, redis: RedisClient) => ({ throttlers: throttlers(config), storage: new ResilientThrottlerStorage(redis.client) }),
    }),
  ],
  providers: [RecipientLimit],
  exports: [RecipientLimit],
})
export class ThrottlingModule {}
