import { Injectable } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { CaseActions } from '@ventanilla/cases';
import { CaseNotices, noticeKey } from '../staff/case-notices.service';
import { caseIdOrNotFound, ownSubjectOnly, staffActor } from '../staff/staff-case-access';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { extensionNotAllowed, extensionRefusal } from './extension-rule';

/** Art. 43: up to 10 more días hábiles, once, with reasons, before the original term ends. */
@Injectable()
export class ExtensionService {
  constructor(
    private readonly actions: CaseActions,
    private readonly notices: CaseNotices,
    private readonly views: StaffCaseViews,
  ) {}

  async extend(user: StaffUser, id: string, reason: string): Promise<StaffCaseView> {
    const event = 'extended';
    const updated = await this.actions.run(
      caseIdOrNotFound(id),
      {
        action: 'extend',
        event,
        actor: staffActor(user),
        // Runs on the locked row, so two extensions at once see each other; with the action's
        // own instant and calendar, so the rule and the change agree on "now".
        authorize: (c, ctx) => {
          ownSubjectOnly(user)(c);
          const refusal = extensionRefusal(c, ctx.now, ctx.calendar.clock);
          if (refusal) throw extensionNotAllowed(refusal, c.dueDate);
        },
      },
      (c, ctx) => {
        const extendedDueDate = ctx.calendar.clock.extendedDueDate(c.dueDate, ctx.subjectCalendar);
        c.extendedDueDate = extendedDueDate;
        // The row generates it; keep the loaded entity telling the same for whatever runs after this change.
        c.termDueDate = extendedDueDate;
        // Afirmativa ficta now runs from the extended term (Art. 44).
        c.fictaDueDate = ctx.calendar.clock.fictaDueDate(extendedDueDate, ctx.subjectCalendar);
        c.extensionReason = reason;
        c.extendedAt = ctx.now;
        return {
          eventData: { reason, dueDate: c.dueDate, extendedDueDate },
          mails: this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'case-extended', {
            reason,
            dueDate: c.dueDate,
            extendedDueDate,
          }),
        };
      },
    );
    return this.views.current(user, updated.id);
  }
}
