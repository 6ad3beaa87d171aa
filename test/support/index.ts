export * from './smtp-catcher';
export * from './test-database';
export * from './test-environment';
export * from './factories';
export * from './redis-server';
export * from './document-fixtures';
export * from './s3-server';
