import { Module } from '@nestjs/common';
import { ConfigModule } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { ApiHealthModule } from '@ventanilla/health';
import { LoggingModule } from '@ventanilla/http';
import { QueueModule } from '@ventanilla/queue';
import { SubjectsModule } from '@ventanilla/subjects';

@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, ApiHealthModule, SubjectsModule],
})
export class AppModule {}
