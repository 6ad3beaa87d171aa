import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvDto } from '@ventanilla/config';
import { dataSourceOptions } from './data-source-options';
import { poolLimits } from './pool-limits';

/** The TypeORM connection; feature modules register their entities with `forFeature`. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [EnvDto],
      useFactory: (config: EnvDto) => ({ ...dataSourceOptions(config.DATABASE_URL, poolLimits(config)), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
