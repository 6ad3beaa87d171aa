export * from './app-config';
export * from './config.module';
export * from './env.dto';
export * from './clock';
export * from './secret-box';
export * from './lifecycle';
