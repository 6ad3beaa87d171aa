export * from './delivery/mail-redelivery';
export * from './delivery/mail-transport';
export * from './delivery/smtp-failure';
export * from './mail.module';
export * from './mail.processor';
export * from './mail.service';
export * from './rendered-mail';
export * from './templates';
