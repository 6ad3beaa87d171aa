import { Module } from '@nestjs/common';
import { AuthModule } from '@ventanilla/auth';
import { CasesCoreModule } from '@ventanilla/cases';
import { WebModule } from '@ventanilla/web';
import { AppealQueue } from '../appeal/appeal-queue.service';
import { CaseThread } from '../staff-pages/case-thread';
import { WorkflowModule } from '../workflow.module';
import { AppealsPageController } from './appeals.page.controller';
import { PdhCasePageController } from './pdh-case.page.controller';

const CONTROLLERS = [AppealsPageController, PdhCasePageController];

/** The oversight's case pages: the highest authority's appeals and the PDH's read-only case. */
@Module({
  imports: [WebModule, AuthModule, CasesCoreModule, WorkflowModule],
  controllers: CONTROLLERS,
  providers: [AppealQueue, CaseThread],
})
export class OversightPagesModule {}
