import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '@ventanilla/calendar';
import { EnvDto } from '@ventanilla/config';
import { Outbox } from '@ventanilla/queue';
import { Subject } from '@ventanilla/subjects';
import { EntityManager } from 'typeorm';
import { Actor, appendEvents } from './case-events';
import { Case, Channel } from './case.entity';
import { milestoneSettings, milestoneTarget, syncMilestones } from './milestones';
import { Request } from './request.entity';

export interface OpenCaseInput {
  request: Request;
  subject: Subject;
  channel: Channel;
  /** The instant the body received it; the calendar turns it into the legal reception day. */
  receivedAt: Date;
  /** When the event is recorded (differs from receivedAt for old in-person registrations). */
  at: Date;
  actor: Actor;
  /** Set when the case comes from another body's transfer (Art. 38). */
  transferredFromCaseId?: string;
}

/**
 * Opens a case for one subject with its terms from the calendar and its first event.
 * Every case is born here: a filing, an officer's registration, or a transfer.
 */
@Injectable()
export class CaseFactory {
  constructor(
    private readonly calendar: CalendarService,
    private readonly outbox: Outbox,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async open(tx: EntityManager, input: OpenCaseInput): Promise<Case> {
    const { clock, calendar } = await this.calendar.current(tx);
    const subjectCalendar = this.calendar.subjectCalendar(input.subject);
    const terms = clock.caseTerms(input.receivedAt, subjectCalendar);
    const saved = await tx.save(
      Case,
      tx.create(Case, {
        requestId: input.request.id,
        folio: input.request.folio,
        subjectCode: input.subject.code,
        status: 'received',
        channel: input.channel,
        receivedAt: input.receivedAt,
        receivedOn: terms.receivedOn,
        dueDate: terms.dueDate,
        extendedDueDate: null,
        fictaDueDate: terms.fictaDueDate,
        transferredFromCaseId: input.transferredFromCaseId ?? null,
        updatedAt: input.at,
      }),
    );
    saved.subject = input.subject;
    saved.termDueDate = terms.dueDate;
    const data = {
      channel: input.channel,
      receivedOn: terms.receivedOn,
      dueDate: terms.dueDate,
      ...(input.transferredFromCaseId ? { transferredFromCaseId: input.transferredFromCaseId } : {}),
    };
    await appendEvents(tx, [{ caseId: saved.id, type: 'received', actor: input.actor, at: input.at, data }]);
    // Every new case is watched from birth; the caller wakes the outbox after its commit.
    await this.outbox.add(tx, await syncMilestones(tx, [milestoneTarget(saved, subjectCalendar)], calendar, input.at, milestoneSettings(this.config)));
    return saved;
  }
}
