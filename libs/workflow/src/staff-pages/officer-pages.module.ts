import { Module } from '@nestjs/common';
import { AuthModule } from '@ventanilla/auth';
import { CalendarCoreModule } from '@ventanilla/calendar';
import { CasesCoreModule } from '@ventanilla/cases';
import { RequestsModule } from '@ventanilla/requests';
import { DocumentsModule } from '@ventanilla/documents';
import { RoutingModule } from '@ventanilla/routing';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { WebModule } from '@ventanilla/web';
import { WorkflowModule } from '../workflow.module';
import { CasePageController } from './case.page.controller';
import { CaseTerms } from './case-terms.service';
import { CaseThread } from './case-thread';
import { InboxPageController } from './inbox.page.controller';
import { RegistrationPageController } from './registration.page.controller';
import { StaffDocumentsPageController } from './staff-documents.page.controller';

const CONTROLLERS = [InboxPageController, CasePageController, RegistrationPageController, StaffDocumentsPageController];

/** The UIP officer's pages under `/personal`: the inbox, the case page with its actions, the in-person registration. */
@Module({
  imports: [WebModule, AuthModule, CasesCoreModule, CalendarCoreModule, SubjectsCoreModule, RoutingModule, DocumentsModule, RequestsModule, WorkflowModule],
  controllers: CONTROLLERS,
  providers: [CaseTerms, CaseThread],
})
export class OfficerPagesModule {}
