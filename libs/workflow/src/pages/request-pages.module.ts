import { Module } from '@nestjs/common';
import { CalendarCoreModule } from '@ventanilla/calendar';
import { CasesCoreModule } from '@ventanilla/cases';
import { DocumentsModule } from '@ventanilla/documents';
import { RequestPagesModule, RequestsModule } from '@ventanilla/requests';
import { WebModule } from '@ventanilla/web';
import { WorkflowModule } from '../workflow.module';
import { RequestPageController } from './request.page.controller';

/** `/solicitudes/{folio}`: the request's page, its documents, and the requester's actions (clarification answer, withdrawal, appeal). */
@Module({
  imports: [WebModule, CasesCoreModule, CalendarCoreModule, RequestsModule, RequestPagesModule, WorkflowModule, DocumentsModule],
  controllers: [RequestPageController],
})
export class RequesterPagesModule {}
