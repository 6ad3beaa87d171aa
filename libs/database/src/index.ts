export * from './data-source-options';
export * from './database.module';
export * from './migrations';
export * from './prepare-database';
