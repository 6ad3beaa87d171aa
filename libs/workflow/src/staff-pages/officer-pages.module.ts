import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule } from '@ventanilla/auth';
import { CalendarCoreModule } from '@ventanilla/calendar';
import { CasesCoreModule } from '@ventanilla/cases';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { usePagesMiddleware, WebModule } from '@ventanilla/web';
import { WorkflowModule } from '../workflow.module';
import { CaseTerms } from './case-terms.service';
import { InboxPageController } from './inbox.page.controller';

const CONTROLLERS = [InboxPageController];

/** The UIP officer's pages under `/personal`: the inbox, the case page with its actions, the in-person registration. */
@Module({
  imports: [WebModule, AuthModule, CasesCoreModule, CalendarCoreModule, SubjectsCoreModule, WorkflowModule],
  controllers: CONTROLLERS,
  providers: [CaseTerms],
})
export class OfficerPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    usePagesMiddleware(consumer, ...CONTROLLERS);
  }
}
