export * from './anonymous-write-limit';
export * from './anonymous-write.guard';
export * from './recipient-limit.service';
export * from './throttlers';
export * from './throttling.module';
