import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { StaffUser } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { APPEAL_OUTCOME_LABELS, Case, CaseActions, CaseReader, CaseView, Request, REQUESTER } from '@ventanilla/cases';
import { LookupService } from '@ventanilla/requests';
import { Repository } from 'typeorm';
import { CaseNotices, noticeCase, noticeKey } from '../staff/case-notices.service';
import { caseIdOrNotFound, ownSubjectOnly, staffActor } from '../staff/staff-case-access';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { appealGroundsLabel } from './appeal-labels';
import { appealOutOfTime, canFileAppeal } from './appeal-window';
import { AppealDecisionDto, FileAppealDto } from './appeal.dto';

/** The recurso de revisión (Arts. 52-60): the requester files it, the body's máxima autoridad decides it. */
@Injectable()
export class AppealService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly actions: CaseActions,
    private readonly lookup: LookupService,
    private readonly reader: CaseReader,
    private readonly notices: CaseNotices,
    private readonly views: StaffCaseViews,
  ) {}

  /** `request` is the one whose access code the controller's guard accepted. */
  async file(request: Request, caseId: string, dto: FileAppealDto): Promise<CaseView> {
    const target = await this.lookup.caseOf(request, caseId);
    const event = 'appeal_filed';
    await this.actions.run(target.id, { action: 'file_appeal', event, actor: REQUESTER }, async (c, ctx) => {
      const { clock } = ctx.calendar;
      if (!canFileAppeal(c, clock, ctx.subjectCalendar, ctx.now)) throw appealOutOfTime();
      const dueDate = clock.appealDecisionDueDate(localDateOf(ctx.now), ctx.subjectCalendar);
      c.appealFiledAt = ctx.now;
      c.appealDueDate = dueDate;
      c.appealGrounds = dto.grounds;
      c.appealText = dto.text;
      const grounds = appealGroundsLabel(dto.grounds);
      return {
        eventData: { grounds: dto.grounds, dueDate },
        mails: [
          ...this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'appeal-filed', { grounds, decisionDueDate: dueDate }),
          // The máxima autoridad decides it (Art. 53-58): it is told, as the UIP is.
          ...(await this.notices.toStaff(ctx.tx, 'appeal', noticeCase(c), ctx.request, noticeKey('appeal-filed-uip', c), 'appeal-filed-uip', {
            grounds,
            text: dto.text,
            decisionDueDate: dueDate,
          })),
        ],
      };
    });
    return this.reader.view(await this.cases.findOneOrFail({ where: { id: target.id }, relations: { subject: true } }), undefined, 'requester');
  }

  async decide(user: StaffUser, id: string, dto: AppealDecisionDto): Promise<StaffCaseView> {
    const event = 'appeal_decided';
    const updated = await this.actions.run(
      caseIdOrNotFound(id),
      { action: 'decide_appeal', event, actor: staffActor(user), authorize: ownSubjectOnly(user) },
      (c, ctx) => {
        // Art. 60: the body complies within 5 días hábiles of the decision.
        const complianceDueDate = ctx.calendar.clock.complianceDueDate(localDateOf(ctx.now), ctx.subjectCalendar);
        c.appealOutcome = dto.outcome;
        c.appealDecisionText = dto.text;
        c.appealDecidedAt = ctx.now;
        return {
          eventData: { outcome: dto.outcome, complianceDueDate },
          mails: this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'appeal-decided', {
            outcome: APPEAL_OUTCOME_LABELS[dto.outcome].notice,
            text: dto.text,
            // A confirmed resolution orders nothing new.
            complianceDueDate: dto.outcome === 'confirmed' ? null : complianceDueDate,
          }),
        };
      },
    );
    return this.views.current(user, updated.id);
  }
}
