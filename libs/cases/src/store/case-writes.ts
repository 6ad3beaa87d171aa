import { Inject, Injectable } from '@nestjs/common';
import { CalendarService, LoadedCalendar, SubjectCalendar, SubjectCalendarSettings } from '@ventanilla/calendar';
import { Clock, EnvDto } from '@ventanilla/config';
import { MailJob, MailService } from '@ventanilla/mail';
import { Outbox, OutboxEntry } from '@ventanilla/queue';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, NewCaseEvent } from '../case-events';
import { Case } from '../case.entity';
import { MilestoneSettings, milestoneSettings } from '../milestone-plan';
import { milestoneTarget, MilestoneTarget, syncMilestones } from './case-milestones';
import { CaseFilter, CaseStore, CaseTerms, LockOptions } from './case-store';

export interface CaseWriteOptions {
  /** The change's instant when the caller already took it (a sweep pass); else read once, on first use. */
  now?: Date;
}

/**
 * One change to cases, in one transaction: its context (the transaction, its one "now", the
 * calendar its snapshot sees) and what it collects — events, mails, jobs — written once when the
 * change is done: the events in one statement, the mails and jobs in one outbox statement.
 */
export class CaseWrite {
  private instant?: Date;
  private readonly events: NewCaseEvent[] = [];
  private readonly mails: MailJob[] = [];
  private readonly jobs: OutboxEntry[] = [];
  private readonly subjects = new Map<string, SubjectCalendar>();

  constructor(
    readonly tx: EntityManager,
    readonly calendar: LoadedCalendar,
    private readonly store: CaseStore,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly settings: MilestoneSettings,
    now?: Date,
  ) {
    this.instant = now;
  }

  /**
   * The change's one instant: every date it records, every rule it checks. Read on first use, so
   * a change that waits for a lock takes it after the wait, as the state it then sees.
   */
  get now(): Date {
    return (this.instant ??= this.clock.now());
  }

  /** A subject's calendar settings, built once per subject for the change. */
  subjectCalendar(subject: SubjectCalendarSettings): SubjectCalendar {
    let s = this.subjects.get(subject.code);
    if (!s) this.subjects.set(subject.code, (s = this.calendars.subjectCalendar(subject)));
    return s;
  }

  lock(id: string, options?: LockOptions): Promise<Case | null> {
    return this.store.lock(this.tx, id, options);
  }

  lockMany(filter: CaseFilter, options?: LockOptions): Promise<Case[]> {
    return this.store.lockMany(this.tx, filter, options);
  }

  save(c: Case): Promise<void> {
    return this.store.save(this.tx, c);
  }

  updateTerms(changes: readonly { case: Case; terms: CaseTerms }[]): Promise<void> {
    return this.store.updateTerms(this.tx, changes, this.now);
  }

  /** Adds an event to a case's history, at the change's instant. */
  event(caseId: string, type: string, actor: Actor, data: Record<string, unknown> = {}): void {
    this.events.push({ caseId, type, actor, at: this.now, data });
  }

  mail(...mails: MailJob[]): void {
    this.mails.push(...mails);
  }

  job(...jobs: OutboxEntry[]): void {
    this.jobs.push(...jobs);
  }

  /**
   * Brings the cases' milestones in line with their state as loaded (or as given), now: a caller
   * may read the milestones right after. Their jobs are written with the change's others.
   */
  async syncMilestones(cases: readonly (Case | MilestoneTarget)[]): Promise<void> {
    const targets = cases.map((c) => (c instanceof Case ? milestoneTarget(c, this.subjectCalendar(c.subject!)) : c));
    this.jobs.push(...(await syncMilestones(this.tx, targets, this.calendar.calendar, this.now, this.settings)));
  }

  /** @internal Writes what the change collected; CaseWrites calls it before the commit. */
  async flush(mail: MailService, outbox: Outbox): Promise<void> {
    await this.store.appendEvents(this.tx, this.events);
    await outbox.add(this.tx, [...mail.outboxEntries(this.mails), ...this.jobs]);
  }
}

/**
 * The unit of work every change to a case goes through: officers' and requesters' actions
 * (`CaseActions`), fired milestones and recomputed terms. It opens the transaction, hands the
 * change its context, writes what the change collected, commits, and wakes the outbox relay.
 */
@Injectable()
export class CaseWrites {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async run<T>(change: (w: CaseWrite) => Promise<T>, options: CaseWriteOptions = {}): Promise<T> {
    const result = await this.dataSource.transaction(async (tx) => {
      const w = new CaseWrite(tx, await this.calendar.current(tx), this.store, this.calendar, this.clock, milestoneSettings(this.config), options.now);
      const value = await change(w);
      await w.flush(this.mail, this.outbox);
      return value;
    });
    this.outbox.wake();
    return result;
  }
}
