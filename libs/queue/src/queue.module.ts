import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';
import { redisOptions } from './redis-options';
import { Outbox } from './outbox/outbox';
import { RedisClient } from './redis.provider';

const queueRegistrations = Object.values(QUEUES).map((q) => ({ name: q.name }));

/** BullMQ connection, every queue and the outbox relay, for both processes. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [EnvDto],
      useFactory: (config: EnvDto) => ({
        connection: redisOptions(config.REDIS_URL, true),
        prefix: `${config.REDIS_PREFIX}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...queueRegistrations),
  ],
  providers: [RedisClient, Outbox],
  exports: [BullModule, RedisClient, Outbox],
})
export class QueueModule {}
