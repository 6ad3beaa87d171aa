import { Module } from '@nestjs/common';
import { AdministrationModule, AdminPagesModule } from '@ventanilla/administration';
import { AuthModule, StaffPagesModule } from '@ventanilla/auth';
import { CalendarModule } from '@ventanilla/calendar';
import { ConfigModule } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { DocumentsModule } from '@ventanilla/documents';
import { ApiHealthModule } from '@ventanilla/health';
import { LoggingModule } from '@ventanilla/http';
import { MonitoringModule, MonitoringPagesModule, PdhPagesModule } from '@ventanilla/monitoring';
import { QueueModule } from '@ventanilla/queue';
import { RequestPagesModule, RequestsModule } from '@ventanilla/requests';
import { RoutingModule } from '@ventanilla/routing';
import { SubjectsModule } from '@ventanilla/subjects';
import { OfficerPagesModule, OversightPagesModule, RequesterPagesModule, WorkflowModule } from '@ventanilla/workflow';

@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, ApiHealthModule, SubjectsModule, AuthModule, RequestsModule, RoutingModule, CalendarModule, WorkflowModule, MonitoringModule, DocumentsModule, AdministrationModule, RequestPagesModule, RequesterPagesModule, MonitoringPagesModule, StaffPagesModule, AdminPagesModule, OfficerPagesModule, OversightPagesModule, PdhPagesModule],
})
export class AppModule {}
