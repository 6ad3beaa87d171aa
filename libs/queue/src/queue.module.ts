import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EnvDto } from '@ventanilla/config';
import { JobHandlers } from './job-handler';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';
import { redisOptions } from './redis-options';
import { Outbox } from './outbox/outbox';
import { RedisClient } from './redis.provider';

const queueRegistrations = Object.values(QUEUES).map((q) => ({ name: q.name }));

/** BullMQ connection, every queue, the jobs' handlers and the outbox relay, for both processes. */
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
    DiscoveryModule,
  ],
  providers: [RedisClient, Outbox, JobHandlers],
  exports: [BullModule, RedisClient, Outbox, JobHandlers],
})
export class QueueModule {}
