import { Inject, Injectable } from '@nestjs/common';
import { Case, Request } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { MailData, MailJob, MailService, MailTemplate } from '@ventanilla/mail';

/** Fields every requester notice carries; the notices fill them from the case and its request. */
type CaseRefField = 'requesterName' | 'folio' | 'caseId' | 'subjectName' | 'followUrl';

/** Keys are unique per action: each action bumps the case's version. */
export function noticeKey(event: string, c: Pick<Case, 'id' | 'version'>): string {
  return `${event}-${c.id}-${c.version}`;
}

/** The mails an action sends: to the requester when they gave an email, and to a UIP when it has one. */
@Injectable()
export class CaseNotices {
  constructor(
    private readonly mail: MailService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  followUrl(folio: string): string {
    return `${this.config.PUBLIC_BASE_URL}/api/v1/requests/${folio}`;
  }

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
      followUrl: this.followUrl(c.folio),
    };
    return [this.mail.message(key, request.requesterEmail, template, { ...ref, ...data } as MailData<T>)];
  }

  toUip<T extends MailTemplate>(uipEmail: string | null | undefined, key: string, template: T, data: MailData<T>): MailJob[] {
    return uipEmail ? [this.mail.message(key, uipEmail, template, data)] : [];
  }
}
