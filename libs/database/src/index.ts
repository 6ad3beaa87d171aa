export * from './data-source-options';
export * from './database.module';
export * from './migrations';
export * from './prepare-database';
export * from './database-unavailable';
export * from './pool-limits';
export * from './read-replica';
export * from './prepared-query';
