import { Global, Module } from '@nestjs/common';
import { loadConfig } from './app-config';
import { EnvDto } from './env.dto';

/** Provides the validated configuration as `EnvDto`; loaded once per process. */
@Global()
@Module({
  providers: [{ provide: EnvDto, useFactory: () => loadConfig() }],
  exports: [EnvDto],
})
export class ConfigModule {}
