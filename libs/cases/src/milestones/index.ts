export * from './milestone-plan';
export * from './milestone-sync';
