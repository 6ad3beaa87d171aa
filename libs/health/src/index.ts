export * from './health.module';
export * from './health.service';
export * from './worker-health.server';
export * from './required-services';
