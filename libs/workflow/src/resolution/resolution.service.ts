import { Inject, Injectable } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { CaseActions, deliverDocuments, isOverdue, RESOLUTION_LABELS } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { CaseNotices, noticeKey } from '../staff/case-notices.service';
import { caseIdOrNotFound, ownSubjectOnly, staffActor } from '../staff/staff-case-access';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { CLASSIFIED_DENIALS, ResolutionDto } from './resolution.dto';

/** Art. 42 and 45: the written, reasoned resolution that closes the case. */
@Injectable()
export class ResolutionService {
  constructor(
    private readonly actions: CaseActions,
    private readonly notices: CaseNotices,
    private readonly views: StaffCaseViews,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async resolve(user: StaffUser, id: string, dto: ResolutionDto): Promise<StaffCaseView> {
    if (CLASSIFIED_DENIALS.includes(dto.type) && !dto.classificationRef) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'classificationRef', message: 'es obligatorio al denegar por reserva o confidencialidad: cite la resolución de clasificación (Arts. 22-28)' },
      ]);
    }
    const event = 'resolved';
    const updated = await this.actions.run(
      caseIdOrNotFound(id),
      { action: 'resolve', event, actor: staffActor(user), authorize: ownSubjectOnly(user) },
      async (c, ctx) => {
        const { clock } = ctx.calendar;
        const documents = await deliverDocuments(ctx.tx, c.id, dto.documentIds ?? [], ctx.now);
        const caseUrl = `${this.config.PUBLIC_BASE_URL}/solicitudes/${c.folio}`;
        const resolvedOn = localDateOf(ctx.now);
        const classificationRef = dto.classificationRef ?? null;
        c.resolvedAt = ctx.now;
        c.closedAt = ctx.now;
        c.resolutionType = dto.type;
        c.resolutionText = dto.text;
        c.classificationRef = classificationRef;
        // On time: not overdue when resolved (the case is still open here; the transition follows the change).
        c.resolutionOnTime = !isOverdue(c, ctx.now);
        c.businessDaysTaken = clock.businessDaysTaken(c.receivedOn, resolvedOn, ctx.subjectCalendar);
        return {
          eventData: {
            type: dto.type,
            onTime: c.resolutionOnTime,
            businessDaysTaken: c.businessDaysTaken,
            classificationRef,
            documentIds: documents.map((d) => d.id),
          },
          mails: this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'case-resolved', {
            outcome: RESOLUTION_LABELS[dto.type].notice,
            text: dto.text,
            classificationRef,
            resolvedOn,
            appealDeadline: clock.appealDeadline(resolvedOn, ctx.subjectCalendar),
            documents: documents.map((d) => ({ name: d.name, size: d.size, url: `${caseUrl}#documento-${d.id}` })),
            caseUrl,
          }),
        };
      },
    );
    return this.views.current(user, updated.id);
  }
}
