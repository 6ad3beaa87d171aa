import { Module } from '@nestjs/common';
import { MailModule } from '@ventanilla/mail';
import { NoticeRecipients } from './recipients.service';

/** Who is told what: the recipients of every staff notice, for the case write path and the watch. */
@Module({ imports: [MailModule], providers: [NoticeRecipients], exports: [NoticeRecipients, MailModule] })
export class NoticesModule {}
