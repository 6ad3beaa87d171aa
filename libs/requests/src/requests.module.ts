import { Module } from '@nestjs/common';
import { CasesCoreModule } from '@ventanilla/cases';
import { NoticesModule } from '@ventanilla/notices';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { ThrottlingModule } from '@ventanilla/throttling';
import { AccessCodeLimiter } from './access-code-limiter';
import { AccessCodeVerifier } from './access-code-verifier';
import { FilingService } from './filing.service';
import { IdempotencyService } from './idempotency.service';
import { LookupService } from './lookup.service';
import { RequesterActionsService } from './requester-actions.service';
import { RequesterAccessGuard } from './requester-access.guard';
import { RequestsController } from './requests.controller';

/** Filing, lookup by folio and the requester's own actions, without an account. */
@Module({
  imports: [CasesCoreModule, SubjectsCoreModule, ThrottlingModule, NoticesModule],
  controllers: [RequestsController],
  providers: [FilingService, IdempotencyService, LookupService, AccessCodeLimiter, AccessCodeVerifier, RequesterActionsService, RequesterAccessGuard],
  exports: [FilingService, IdempotencyService, LookupService, RequesterAccessGuard],
})
export class RequestsModule {}
