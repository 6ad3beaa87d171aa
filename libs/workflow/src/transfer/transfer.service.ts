import { Injectable } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { Case, CaseActions, CaseFactory, OPEN_CASE_SQL } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';
import { Subject } from '@ventanilla/subjects';
import { EntityManager } from 'typeorm';
import { CaseNotices, noticeKey } from '../staff/case-notices.service';
import { caseIdOrNotFound, ownSubjectOnly, staffActor } from '../staff/staff-case-access';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { TransferDto } from './transfer.dto';

function badTarget(message: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ field: 'toSubject', message }]);
}

/**
 * Art. 38: a body that is not competent forwards the request at once. The case closes as
 * `transferred` and the competent body gets a new case under the same folio, received now;
 * both in one transaction, so a request is never in neither inbox nor in both.
 */
@Injectable()
export class TransferService {
  constructor(
    private readonly actions: CaseActions,
    private readonly factory: CaseFactory,
    private readonly notices: CaseNotices,
    private readonly views: StaffCaseViews,
  ) {}

  async transfer(user: StaffUser, id: string, dto: TransferDto): Promise<{ from: StaffCaseView; to: StaffCaseView }> {
    const event = 'transferred';
    const actor = staffActor(user);
    let to: Case | undefined;
    const from = await this.actions.run(
      caseIdOrNotFound(id),
      {
        action: 'transfer',
        event,
        actor,
        authorize: (c) => {
          ownSubjectOnly(user)(c);
          if (dto.toSubject === c.subjectCode) throw badTarget('debe ser otro sujeto obligado, el competente');
        },
      },
      async (c, ctx) => {
        const target = await this.competentSubject(ctx.tx, c, dto.toSubject);
        to = await this.factory.open(ctx.tx, {
          request: ctx.request,
          subject: target,
          channel: c.channel,
          receivedAt: ctx.now,
          at: ctx.now,
          actor,
          transferredFromCaseId: c.id,
        });
        c.transferredToCaseId = to.id;
        c.closedAt = ctx.now;
        return {
          eventData: { toSubject: target.code, toCaseId: to.id, reason: dto.reason },
          mails: [
            ...this.notices.toRequester(ctx.request, c, noticeKey(event, c), 'case-transferred', {
              toSubjectName: target.name,
              reason: dto.reason,
              newDueDate: to.dueDate,
            }),
            ...(await this.notices.toStaff(
              ctx.tx,
              'uip',
              { id: to.id, folio: c.folio, subjectCode: target.code, subjectName: target.name },
              ctx.request,
              noticeKey('transferred-in', to),
              'case-transferred-in',
              {
                fromSubjectName: c.subject?.name ?? c.subjectCode,
                receivedOn: to.receivedOn,
                dueDate: to.dueDate,
                reason: dto.reason,
                description: ctx.request.description,
              },
            )),
          ],
        };
      },
    );
    const [fromView, toView] = await Promise.all([this.views.current(user, from.id), this.views.current(user, to!.id)]);
    return { from: fromView, to: toView };
  }

  /** An active subject that does not already hold an open case of this request. */
  private async competentSubject(tx: EntityManager, c: Case, code: string): Promise<Subject> {
    const target = await tx.findOneBy(Subject, { code, active: true });
    if (!target) throw badTarget(`no existe un sujeto obligado activo con el código ${code}`);
    const open = await tx
      .createQueryBuilder(Case, 'c')
      .where(OPEN_CASE_SQL)
      .andWhere('c.request_id = :requestId AND c.subject_code = :code', { requestId: c.requestId, code })
      .getCount();
    if (open > 0) throw badTarget(`${code} ya tiene un caso abierto de este folio`);
    return target;
  }
}
