export * from './links';
export * from './notices.module';
export * from './recipients.service';
export * from './staff-notices';
