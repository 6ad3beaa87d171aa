import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvDto } from '@ventanilla/config';
import { dataSourceOptions } from './data-source-options';
import { poolLimits } from './pool-limits';
import { ReadReplica } from './read-replica';

/** The TypeORM connection (and, through `ReadReplica`, the read replica's when set); feature modules register their entities with `forFeature`. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [EnvDto],
      useFactory: (config: EnvDto) => ({
        ...dataSourceOptions(config.DATABASE_URL, poolLimits(config), config.DATABASE_READ_URL),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [ReadReplica],
  exports: [ReadReplica],
})
export class DatabaseModule {}
