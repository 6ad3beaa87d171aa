import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CaseMailHistoryModule } from '@ventanilla/cases';
import { ConfigModule } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { DocumentsWorkerModule } from '@ventanilla/documents';
import { WorkerHealthModule } from '@ventanilla/health';
import { LoggingModule } from '@ventanilla/http';
import { MailModule, MailWorkerModule } from '@ventanilla/mail';
import { JobCoverageCheck, QueueModule } from '@ventanilla/queue';
import { WatchWorkerModule } from '@ventanilla/watch';

@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, DiscoveryModule, WorkerHealthModule, MailModule, MailWorkerModule.register(CaseMailHistoryModule), WatchWorkerModule, DocumentsWorkerModule],
  providers: [JobCoverageCheck],
})
export class WorkerModule {}
