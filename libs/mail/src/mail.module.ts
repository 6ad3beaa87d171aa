import { DynamicModule, Module, Type } from '@nestjs/common';
import { MailRedelivery } from './delivery/mail-redelivery';
import { MailTransport } from './delivery/mail-transport';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';

/** Enqueuing mail (both processes). */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

/** The worker's SMTP connection and its status (shared with the worker's /health). */
@Module({ providers: [MailTransport], exports: [MailTransport] })
export class MailTransportModule {}

/** Sending mail (the worker): the processor, and the redelivery of mail Redis lost. */
@Module({})
export class MailWorkerModule {
  /** `history`: a module that exports `MailCaseHistory` (the cases' `CaseMailHistoryModule`). */
  static register(history: Type): DynamicModule {
    return {
      module: MailWorkerModule,
      imports: [MailTransportModule, history],
      providers: [MailProcessor, MailRedelivery],
      exports: [MailRedelivery],
    };
  }
}
