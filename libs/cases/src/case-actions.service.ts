import { Inject, Injectable } from '@nestjs/common';
import { CalendarService, LoadedCalendar, SubjectCalendar } from '@ventanilla/calendar';
import { Clock, EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { MailJob, MailService } from '@ventanilla/mail';
import { Outbox, OutboxEntry } from '@ventanilla/queue';
import { DataSource, EntityManager } from 'typeorm';
import { appendEvent, Actor } from './case-events';
import { applyTransition, CaseAction } from './case-status';
import { Case } from './case.entity';
import { milestoneSettings, milestoneTarget, syncMilestones } from './milestones';
import { Request } from './request.entity';

export interface CaseActionContext {
  tx: EntityManager;
  now: Date;
  calendar: LoadedCalendar;
  subjectCalendar: SubjectCalendar;
  request: Request;
}

/** What an action asks for besides the case's own change. */
export interface CaseActionEffects {
  eventData?: Record<string, unknown>;
  mails?: MailJob[];
  jobs?: OutboxEntry[];
}

export interface CaseActionOptions {
  action: CaseAction;
  /** Event type written to the case's history. */
  event: string;
  actor: Actor;
  /** Throws NOT_FOUND/FORBIDDEN when the actor may not touch this case; runs before anything changes. */
  authorize?: (c: Case) => void;
}

/**
 * Runs one action on one case: row lock, state machine, the change, its event, its mails and
 * jobs, all in one transaction. Concurrent actions on the same case wait on the lock and then
 * see the new state, so they cannot both win.
 */
@Injectable()
export class CaseActions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async run(
    caseId: string,
    options: CaseActionOptions,
    change: (c: Case, ctx: CaseActionContext) => Promise<CaseActionEffects | void> | CaseActionEffects | void,
  ): Promise<Case> {
    const result = await this.dataSource.transaction(async (tx) => {
      const locked: unknown[] = await tx.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
      if (locked.length === 0) throw caseNotFound();
      const c = await tx.findOneOrFail(Case, { where: { id: caseId }, relations: { subject: true } });
      options.authorize?.(c);
      const next = applyTransition(options.action, c);
      const request = await tx.findOneByOrFail(Request, { id: c.requestId });
      const now = this.clock.now();
      const calendar = await this.calendar.current(tx);
      const effects =
        (await change(c, { tx, now, calendar, request, subjectCalendar: this.calendar.subjectCalendar(c.subject!) })) ?? {};
      c.status = next.status;
      c.appealStatus = next.appealStatus;
      c.updatedAt = now;
      await tx.save(Case, c);
      await appendEvent(tx, c.id, options.event, options.actor, now, effects.eventData);
      await this.mail.enqueue(tx, effects.mails ?? []);
      // The watch's milestones follow the case's new state: moved, added, or canceled once closed.
      const watched = milestoneTarget(c, this.calendar.subjectCalendar(c.subject!));
      const milestoneJobs = await syncMilestones(tx, [watched], calendar.calendar, now, milestoneSettings(this.config));
      await this.outbox.add(tx, [...(effects.jobs ?? []), ...milestoneJobs]);
      return c;
    });
    this.outbox.wake();
    return result;
  }
}

export function caseNotFound(): AppError {
  return AppError.notFound({ es: 'No se encontró el caso.', en: 'The case was not found.' });
}
