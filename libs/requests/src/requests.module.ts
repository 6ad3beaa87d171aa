import { Module } from '@nestjs/common';
import { CasesCoreModule } from '@ventanilla/cases';
import { NoticesModule } from '@ventanilla/notices';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { ThrottlingModule } from '@ventanilla/throttling';
import { WebModule } from '@ventanilla/web';
import { AccessCodeLimiter } from './access-code-limiter';
import { AccessCodeVerifier } from './access-code-verifier';
import { FilingService } from './filing.service';
import { IdempotencyService } from './idempotency.service';
import { LookupService } from './lookup.service';
import { ReceiptController } from './receipt/receipt.controller';
import { ReceiptService } from './receipt/receipt.service';
import { RequesterActionsService } from './requester-actions.service';
import { RequesterAccessGuard } from './requester-access.guard';
import { RequestsController } from './requests.controller';

/** Filing, lookup by folio, the receipt and calendar, and the requester's own actions, without an account. */
@Module({
  imports: [CasesCoreModule, SubjectsCoreModule, ThrottlingModule, NoticesModule, WebModule],
  controllers: [RequestsController, ReceiptController],
  providers: [
    FilingService, IdempotencyService, LookupService, AccessCodeLimiter, AccessCodeVerifier, RequesterActionsService, RequesterAccessGuard, ReceiptService,
  ],
  exports: [FilingService, IdempotencyService, LookupService, RequesterAccessGuard, RequesterActionsService, ReceiptService],
})
export class RequestsModule {}
