import { Module } from '@nestjs/common';
import { AuthModule } from '@ventanilla/auth';
import { CasesCoreModule } from '@ventanilla/cases';
import { NoticesModule } from '@ventanilla/notices';
import { RequestsModule } from '@ventanilla/requests';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { AppealDecisionController } from './appeal/appeal-decision.controller';
import { AppealFilingController } from './appeal/appeal-filing.controller';
import { AppealService } from './appeal/appeal.service';
import { ClarificationController } from './clarification/clarification.controller';
import { ClarificationService } from './clarification/clarification.service';
import { ExtensionController } from './extension/extension.controller';
import { ExtensionService } from './extension/extension.service';
import { CaseListingController } from './listing/case-listing.controller';
import { CaseListingService } from './listing/case-listing.service';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationService } from './registration/registration.service';
import { ResolutionController } from './resolution/resolution.controller';
import { ResolutionService } from './resolution/resolution.service';
import { CaseNotices } from './staff/case-notices.service';
import { StaffCaseViews } from './staff/staff-case-views.service';
import { TransferController } from './transfer/transfer.controller';
import { TransferService } from './transfer/transfer.service';

/** The staff's work on cases (listing, registration, clarification, extension, resolution, transfer) and the appeal. */
@Module({
  imports: [CasesCoreModule, RequestsModule, SubjectsCoreModule, AuthModule, NoticesModule],
  controllers: [
    CaseListingController,
    RegistrationController,
    ClarificationController,
    ExtensionController,
    ResolutionController,
    TransferController,
    AppealDecisionController,
    AppealFilingController,
  ],
  providers: [
    StaffCaseViews,
    CaseNotices,
    CaseListingService,
    RegistrationService,
    ClarificationService,
    ExtensionService,
    ResolutionService,
    TransferService,
    AppealService,
  ],
  // The pages call the same services as the API (the officer's pages in ./staff-pages).
  exports: [AppealService, StaffCaseViews, CaseListingService, RegistrationService, ClarificationService, ExtensionService, ResolutionService, TransferService],
})
export class WorkflowModule {}
