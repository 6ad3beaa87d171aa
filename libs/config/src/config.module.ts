import { Global, Module } from '@nestjs/common';
import { loadConfig } from './app-config';
import { Clock } from './clock';
import { EnvDto } from './env.dto';

/** Provides the validated configuration as `EnvDto` (loaded once per process) and the `Clock`. */
@Global()
@Module({
  providers: [{ provide: EnvDto, useFactory: () => loadConfig() }, Clock],
  exports: [EnvDto, Clock],
})
export class ConfigModule {}
