import { Module } from '@nestjs/common';
import { CasesCoreModule } from '@ventanilla/cases';
import { RoutingModule } from '@ventanilla/routing';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { ThrottlingModule } from '@ventanilla/throttling';
import { WebModule } from '@ventanilla/web';
import { RequestsModule } from '../requests.module';
import { ConfirmationPageController } from './confirmation.page.controller';
import { FilingPageController } from './filing.page.controller';
import { HomePageController } from './home.page.controller';
import { RequesterSession } from './requester-session';

const CONTROLLERS = [HomePageController, FilingPageController, ConfirmationPageController];

/** The citizens' pages for filing: the home page, the filing form, its confirmation and constancia. */
@Module({
  imports: [WebModule, CasesCoreModule, SubjectsCoreModule, RoutingModule, ThrottlingModule, RequestsModule],
  controllers: CONTROLLERS,
  providers: [RequesterSession],
  exports: [RequesterSession],
})
export class RequestPagesModule {}
