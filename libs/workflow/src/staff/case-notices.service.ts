import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '@ventanilla/calendar';
import { Case, noticeLanguage, Request } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { MailData, MailJob, MailService, MailTemplate } from '@ventanilla/mail';
import { Audience, messagesTo, NoticeRecipients, requestPageUrl, staffCasePageUrl } from '@ventanilla/notices';
import { EntityManager } from 'typeorm';

/** Fields every requester notice carries; the notices fill them from the case and its request. */
type CaseRefField = 'requesterName' | 'folio' | 'caseId' | 'subjectName' | 'followUrl' | 'terms';
/** Fields every staff notice carries. */
type StaffRefField = 'subjectName' | 'folio' | 'caseId' | 'caseUrl' | 'language' | 'terms';

/** Keys are unique per action: each action bumps the case's version. */
export function noticeKey(event: string, c: Pick<Case, 'id' | 'version'>): string {
  return `${event}-${c.id}-${c.version}`;
}

/** The case a staff notice is about (a transferred-in case is not loaded with its subject). */
export interface NoticeCase {
  id: string;
  folio: string;
  subjectCode: string;
  subjectName: string;
}

/**
 * The mails an action sends: to the requester when they gave an email, and to everyone who
 * must act on the case (NoticeRecipients), each with the terms the service applies.
 */
@Injectable()
export class CaseNotices {
  constructor(
    private readonly mail: MailService,
    private readonly recipients: NoticeRecipients,
    private readonly calendar: CalendarService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  toRequester<T extends MailTemplate>(
    request: Request,
    c: Case,
    key: string,
    template: T,
    data: Omit<MailData<T>, CaseRefField>,
  ): MailJob[] {
    if (!request.requesterEmail) return [];
    const ref = {
      requesterName: request.requesterName,
      folio: c.folio,
      caseId: c.id,
      subjectName: c.subject?.name ?? c.subjectCode,
      followUrl: requestPageUrl(this.config, c.folio),
      terms: this.calendar.terms,
    };
    return [this.mail.message(key, request.requesterEmail, template, { ...ref, ...data } as MailData<T>)];
  }

  /** One message to each person of the audience, resolved in the action's transaction. */
  async toStaff<T extends MailTemplate>(
    tx: EntityManager,
    audience: Audience,
    target: NoticeCase,
    request: Request,
    key: string,
    template: T,
    data: Omit<MailData<T>, StaffRefField>,
  ): Promise<MailJob[]> {
    const ref = {
      subjectName: target.subjectName,
      folio: target.folio,
      caseId: target.id,
      caseUrl: staffCasePageUrl(this.config, target.id),
      language: noticeLanguage(request.language),
      terms: this.calendar.terms,
    };
    const to = await this.recipients.ofSubject(tx, target.subjectCode, audience);
    return messagesTo(this.mail, to, key, template, { ...ref, ...data } as MailData<T>);
  }
}

export function noticeCase(c: Case): NoticeCase {
  return { id: c.id, folio: c.folio, subjectCode: c.subjectCode, subjectName: c.subject?.name ?? c.subjectCode };
}
