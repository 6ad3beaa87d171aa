import type { EnvDto } from '@ventanilla/config';
import {
  addDays,
  BusinessCalendar,
  endOfLocalDay,
  LocalDate,
  LocalTime,
  startOfLocalDay,
  SubjectCalendar,
} from '@ventanilla/calendar';
import { AppealStatus, CaseStatus } from './case-status';
import { isOpen } from './open-cases';

/**
 * The milestone plan, pure domain code beside the state machine: which milestones a case has in
 * its current state, and when. Their rows are written by the store under the case's lock
 * (`store/case-milestones.ts`); firing them is the watch's (`libs/watch/src/milestones`).
 *
 * What the watch does for an open case, in the order it happens:
 * - `reminder`: N días hábiles before the term that applies ends (UIP);
 * - `extension_window`: Art. 43 — an extension is notified "dentro de los dos días anteriores a
 *   la conclusión del plazo"; fires when that window opens, only while not extended (UIP);
 * - `last_day`: the start of the term's last día hábil (UIP);
 * - `overdue`: the term ended unanswered (event; UIP and requester);
 * - `ficta`: the afirmativa ficta delivery term (Art. 44) ended too (event; UIP and requester);
 * - `appeal_decision`: the máxima autoridad's term to decide the appeal (Art. 58) ended (event; requester).
 */
export const MILESTONE_KINDS = ['reminder', 'extension_window', 'last_day', 'overdue', 'ficta', 'appeal_decision'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** The kinds that leave a trace in the case's history (the reminders only mail). */
export const MILESTONE_EVENTS: Partial<Record<MilestoneKind, string>> = {
  overdue: 'overdue',
  ficta: 'ficta_expired',
  appeal_decision: 'appeal_overdue',
};

export interface MilestoneSettings {
  /** Días hábiles before the term ends for the first reminder (≥ 1). */
  reminderDays: number;
  /** Local time at which a day's reminders go out (the start of the office day). */
  reminderTime: LocalTime;
  /** Milestones due within this many days of now are scheduled in Redis; later ones wait for the daily top-up. */
  scheduleHorizonDays: number;
}

/** What the plan reads of a case (the entity fits; dates are 'YYYY-MM-DD' in Guatemala). */
export interface MilestoneCaseState {
  status: CaseStatus;
  receivedOn: LocalDate;
  dueDate: LocalDate;
  extendedDueDate: LocalDate | null;
  fictaDueDate: LocalDate;
  appealStatus: AppealStatus | null;
  appealDueDate?: LocalDate | null;
}

export interface PlannedMilestone {
  kind: MilestoneKind;
  dueAt: Date;
}

// Art. 43's window: the last two días hábiles of the original term.
const EXTENSION_WINDOW_DAYS = 2;
// A backward walk never crosses more than this many closed days in a row (Holy Week plus a weekend is 5).
const MAX_CLOSED_RUN = 60;

/** The term that applies: the extended due date once extended (as the `term_due_date` column). */
export function termDueDate(c: Pick<MilestoneCaseState, 'dueDate' | 'extendedDueDate'>): LocalDate {
  return c.extendedDueDate ?? c.dueDate;
}

/** The n-th día hábil before `date` (n ≥ 1): the mirror of `addBusinessDays`. */
export function businessDayBefore(calendar: BusinessCalendar, date: LocalDate, n: number, subject: SubjectCalendar): LocalDate {
  let day = date;
  for (let found = 0, closedRun = 0; found < n; ) {
    day = addDays(day, -1);
    if (calendar.isBusinessDay(day, subject)) {
      found++;
      closedRun = 0;
    } else if (++closedRun > MAX_CLOSED_RUN) {
      throw new RangeError(`Sin días hábiles antes de ${date}`);
    }
  }
  return day;
}

function atLocalTime(date: LocalDate, time: LocalTime): Date {
  const [hh, mm] = time.split(':').map(Number);
  return new Date(startOfLocalDay(date).getTime() + (hh * 60 + mm) * 60_000);
}

/**
 * Every milestone the case has in its current state; none once it is closed, except the appeal's.
 * Pure: no clock — a milestone already past is planned all the same (the sweep fires it late,
 * and `milestoneApplies` decides whether it still makes sense).
 */
export function planMilestones(
  c: MilestoneCaseState,
  calendar: BusinessCalendar,
  subject: SubjectCalendar,
  settings: Pick<MilestoneSettings, 'reminderDays' | 'reminderTime'>,
): PlannedMilestone[] {
  const plan: PlannedMilestone[] = [];
  if (isOpen(c.status)) {
    const term = termDueDate(c);
    const reminderDay = businessDayBefore(calendar, term, settings.reminderDays, subject);
    // A short term may leave no room for the reminder after the reception day.
    if (reminderDay > c.receivedOn) plan.push({ kind: 'reminder', dueAt: atLocalTime(reminderDay, settings.reminderTime) });
    if (c.extendedDueDate === null && c.status !== 'extended') {
      const windowOpens = businessDayBefore(calendar, c.dueDate, EXTENSION_WINDOW_DAYS - 1, subject);
      if (windowOpens > c.receivedOn) plan.push({ kind: 'extension_window', dueAt: atLocalTime(windowOpens, settings.reminderTime) });
    }
    plan.push({ kind: 'last_day', dueAt: atLocalTime(term, settings.reminderTime) });
    plan.push({ kind: 'overdue', dueAt: endOfLocalDay(term) });
    plan.push({ kind: 'ficta', dueAt: endOfLocalDay(c.fictaDueDate) });
  }
  if (c.appealStatus === 'filed' && c.appealDueDate && c.status !== 'withdrawn') {
    plan.push({ kind: 'appeal_decision', dueAt: endOfLocalDay(c.appealDueDate) });
  }
  return plan.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * Whether a planned milestone still makes sense when it fires at `now` (late, after downtime):
 * a reminder after its term ended says nothing useful, so it is recorded as skipped.
 */
export function milestoneApplies(kind: MilestoneKind, c: MilestoneCaseState, now: Date): boolean {
  switch (kind) {
    case 'reminder':
    case 'last_day':
      return isOpen(c.status) && now.getTime() < endOfLocalDay(termDueDate(c)).getTime();
    case 'extension_window':
      return isOpen(c.status) && c.extendedDueDate === null && now.getTime() < endOfLocalDay(c.dueDate).getTime();
    case 'overdue':
    case 'ficta':
      return isOpen(c.status);
    case 'appeal_decision':
      return c.appealStatus === 'filed';
  }
}

/** The reminders' days and hour, from the validated configuration. */
export function milestoneSettings(
  config: Pick<EnvDto, 'WATCH_REMINDER_DAYS' | 'WATCH_REMINDER_TIME' | 'WATCH_SCHEDULE_HORIZON_DAYS'>,
): MilestoneSettings {
  return {
    reminderDays: config.WATCH_REMINDER_DAYS,
    reminderTime: config.WATCH_REMINDER_TIME,
    scheduleHorizonDays: config.WATCH_SCHEDULE_HORIZON_DAYS,
  };
}
