import { Module } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';

/** Enqueuing mail (both processes). */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

/** Sending mail (the worker). */
@Module({ providers: [MailProcessor] })
export class MailWorkerModule {}
