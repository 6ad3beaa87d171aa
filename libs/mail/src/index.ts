export * from './mail.module';
export * from './mail.processor';
export * from './mail.service';
export * from './rendered-mail';
export * from './templates';
