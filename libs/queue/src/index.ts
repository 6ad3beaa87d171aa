export * from './job-coverage.check';
export * from './job-handler';
export * from './queue.module';
export * from './queues';
export * from './redis-options';
export * from './redis.provider';
export * from './outbox/outbox';
