import { Injectable } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { CaseActions } from '@ventanilla/cases';
import { CaseNotices, noticeKey } from '../staff/case-notices.service';
import { caseIdOrNotFound, ownSubjectOnly, staffActor } from '../staff/staff-case-access';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';

/** Art. 42.2: the UIP asks the requester to clarify; the term keeps running (policy). */
@Injectable()
export class ClarificationService {
  constructor(
    private readonly actions: CaseActions,
    private readonly notices: CaseNotices,
    private readonly views: StaffCaseViews,
  ) {}

  async request(user: StaffUser, id: string, text: string): Promise<StaffCaseView> {
    const event = 'clarification_requested';
    const updated = await this.actions.run(
      caseIdOrNotFound(id),
      { action: 'request_clarification', event, actor: staffActor(user), authorize: ownSubjectOnly(user) },
      (c, ctx) => ({
        eventData: { text },
        mails: this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'clarification-requested', { text }),
      }),
    );
    return this.views.current(user, updated.id);
  }
}
