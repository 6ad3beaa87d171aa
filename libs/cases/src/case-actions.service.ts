import { Injectable } from '@nestjs/common';
import { LoadedCalendar, SubjectCalendar } from '@ventanilla/calendar';
import { DomainError } from '@ventanilla/domain';
import { MailJob } from '@ventanilla/mail';
import { OutboxEntry } from '@ventanilla/queue';
import { EntityManager } from 'typeorm';
import { Actor } from './case-events';
import { applyTransition, CaseAction } from './case-status';
import { Case } from './case.entity';
import { Request } from './request.entity';
import { CaseWrites } from './store/case-writes';

/** What an action's checks and change see: the transaction, its one "now", its calendar, the case's request. */
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
  /**
   * Throws `caseNotFound()` (or the law's refusal) when the actor may not do this to this
   * case; runs on the locked row, with the action's context, before anything changes.
   */
  authorize?: (c: Case, ctx: CaseActionContext) => void;
}

/**
 * Runs one action on one case through the unit of work: row lock, the actor's check, state
 * machine, the change, its event, its mails and jobs, its milestones, all in one transaction.
 * Concurrent actions on the same case wait on the lock and then see the new state, so they
 * cannot both win.
 */
@Injectable()
export class CaseActions {
  constructor(private readonly writes: CaseWrites) {}

  run(
    caseId: string,
    options: CaseActionOptions,
    change: (c: Case, ctx: CaseActionContext) => Promise<CaseActionEffects | void> | CaseActionEffects | void,
  ): Promise<Case> {
    return this.writes.run(async (w) => {
      const c = await w.lock(caseId);
      if (!c) throw caseNotFound();
      const ctx: CaseActionContext = { tx: w.tx, now: w.now, calendar: w.calendar, subjectCalendar: w.subjectCalendar(c.subject!), request: c.request! };
      options.authorize?.(c, ctx);
      const next = applyTransition(options.action, c);
      const effects = (await change(c, ctx)) ?? {};
      c.status = next.status;
      c.appealStatus = next.appealStatus;
      c.updatedAt = ctx.now;
      await w.save(c);
      w.event(c.id, options.event, options.actor, effects.eventData);
      w.mail(...(effects.mails ?? []));
      w.job(...(effects.jobs ?? []));
      // The watch's milestones follow the case's new state: moved, added, or canceled once closed.
      await w.syncMilestones([c]);
      return c;
    });
  }
}

/** No such case, or one the actor may not see: the contract's 404 either way. */
export function caseNotFound(): DomainError<'case_not_found'> {
  return new DomainError('case_not_found', {});
}
