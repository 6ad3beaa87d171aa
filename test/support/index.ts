export * from './smtp-catcher';
export * from './test-database';
export * from './test-environment';
export * from './factories';
export * from './redis-server';
