import { Inject, Injectable } from '@nestjs/common';
import { CaseActions, CaseReader, CaseView, noticeLanguage, Request, REQUESTER } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { MailService } from '@ventanilla/mail';
import { messagesTo, NoticeRecipients, staffCasePageUrl } from '@ventanilla/notices';
import { LookupService } from './lookup.service';

/** What the requester does to a case of a request whose access code was accepted: answer a clarification, withdraw. */
@Injectable()
export class RequesterActionsService {
  constructor(
    private readonly lookup: LookupService,
    private readonly actions: CaseActions,
    private readonly reader: CaseReader,
    private readonly mail: MailService,
    private readonly recipients: NoticeRecipients,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /** The answer goes to the case's history and to everyone who must act on it. */
  async answerClarification(request: Request, caseId: string, text: string): Promise<CaseView> {
    const c = await this.lookup.caseOf(request, caseId);
    const event = 'clarification_answered';
    const updated = await this.actions.run(c.id, { action: 'answer_clarification', event, actor: REQUESTER }, async (target, ctx) => ({
      eventData: { text },
      mails: messagesTo(
        this.mail,
        await this.recipients.ofSubject(ctx.tx, target.subjectCode),
        `${event}-${target.id}-${target.version}`,
        'clarification-answered',
        {
          subjectName: target.subject?.name ?? target.subjectCode,
          folio: target.folio,
          caseId: target.id,
          caseUrl: staffCasePageUrl(this.config, target.id),
          language: noticeLanguage(ctx.request.language),
          text,
          termDueDate: target.termDueDate,
        },
      ),
    }));
    return this.reader.view(updated, undefined, 'requester');
  }

  async withdraw(request: Request, caseId: string, reason: string | undefined): Promise<CaseView> {
    const c = await this.lookup.caseOf(request, caseId);
    const updated = await this.actions.run(c.id, { action: 'withdraw', event: 'withdrawn', actor: REQUESTER }, (target, ctx) => {
      target.closedAt = ctx.now;
      return { eventData: reason ? { reason } : {} };
    });
    return this.reader.view(updated, undefined, 'requester');
  }
}
