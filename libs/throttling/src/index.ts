export * from './address-limit';
export * from './address-limit.guard';
export * from './recipient-limit.service';
export * from './throttlers';
export * from './throttling.module';
