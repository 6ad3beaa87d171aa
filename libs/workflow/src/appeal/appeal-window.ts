import { LegalClock, LocalDate, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { Case, isOverdue } from '@ventanilla/cases';

type AppealableCase = Pick<Case, 'status' | 'resolvedAt' | 'termDueDate'>;

/**
 * Art. 55: the last day to file a recurso de revisión — 15 días hábiles after the resolution,
 * or after the term ran out unanswered — or null while neither has happened (or the case
 * closed otherwise: transferred, withdrawn).
 */
export function appealWindowEnd(c: AppealableCase, clock: LegalClock, subject: SubjectCalendar, now: Date): LocalDate | null {
  if (c.status === 'resolved' && c.resolvedAt) return clock.appealDeadline(localDateOf(c.resolvedAt), subject);
  if (isOverdue(c, now)) return clock.appealDeadline(c.termDueDate, subject);
  return null;
}

/** Whether an appeal filed `now` is on time; the window runs to the end of its last day. */
export function canFileAppeal(c: AppealableCase, clock: LegalClock, subject: SubjectCalendar, now: Date): boolean {
  const end = appealWindowEnd(c, clock, subject, now);
  return end !== null && !clock.isPast(end, now);
}
