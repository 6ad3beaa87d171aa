import { LegalClock, LocalDate, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { canApply, Case, isOverdue } from '@ventanilla/cases';
import { DomainError } from '@ventanilla/domain';

type AppealableCase = Pick<Case, 'status' | 'resolvedAt' | 'termDueDate'>;

/** Art. 55: the last day to appeal a resolution — 15 días hábiles after it — or null when unresolved. */
export function appealWindowEnd(c: AppealableCase, clock: LegalClock, subject: SubjectCalendar): LocalDate | null {
  if (c.status === 'resolved' && c.resolvedAt) return clock.appealDeadline(localDateOf(c.resolvedAt), subject);
  return null;
}

/**
 * Whether an appeal filed `now` is admissible: within the window after a resolution, or at any
 * time while the case is overdue — the silence goes on, and the requester may not lose the
 * remedy while the body still owes the answer (the contract: "or once the case is overdue").
 */
export function canFileAppeal(c: AppealableCase, clock: LegalClock, subject: SubjectCalendar, now: Date): boolean {
  if (isOverdue(c, now)) return true;
  const end = appealWindowEnd(c, clock, subject);
  return end !== null && !clock.isPast(end, now);
}

/** An appeal `canFileAppeal` refuses, as the domain throws it (the contract's 409 INVALID_STATE). */
export function appealOutOfTime(): DomainError<'appeal_out_of_time'> {
  return new DomainError('appeal_out_of_time', {});
}

/** What the request's page tells the requester: whether the appeal can be filed now, and until when. */
export interface AppealWindow {
  open: boolean;
  /** The last día hábil to appeal a resolution; null while the case is overdue (no end) or when closed otherwise. */
  until: LocalDate | null;
}

export function appealWindowOf(
  c: AppealableCase & Pick<Case, 'appealStatus' | 'extendedDueDate'>,
  clock: LegalClock,
  subject: SubjectCalendar,
  now: Date,
): AppealWindow {
  // The state machine's rule (one appeal, not on a transferred or withdrawn case) and the law's window.
  const open = canApply('file_appeal', c) && canFileAppeal(c, clock, subject, now);
  return { open, until: open ? appealWindowEnd(c, clock, subject) : null };
}
