import { BusinessCalendar, LegalClock, LocalDate, localDateOf, SubjectCalendar } from '@ventanilla/calendar/law';
import { Case, isOpen, isOverdue, termDueDate as termOf } from '@ventanilla/cases';
import { extensionRefusal } from '../extension/extension-rule';

/** Where an open case stands against its term, as the inbox and the case page show it. */
export interface TermStanding {
  /** The term that applies: the extended due date once extended. */
  termDueDate: LocalDate;
  /** Días hábiles left after today through the term's last day (0 on that day, and once past it). */
  businessDaysLeft: number;
  dueToday: boolean;
  overdue: boolean;
  /** Días hábiles the term has been past (0 while it runs). */
  businessDaysOverdue: number;
  /** The last day the Art. 43 extension may still be taken (the original due date), or null when it may not. */
  extensionPossibleUntil: LocalDate | null;
}

/**
 * Días hábiles counted on the subject's own calendar (its Saturdays, its local holidays), and
 * the extension rule the service itself applies (`extensionRefusal`), so the inbox never offers
 * what the action would refuse. Null for a closed case: its term no longer runs.
 */
export function termStanding(
  c: Pick<Case, 'status' | 'dueDate' | 'extendedDueDate'>,
  now: Date,
  calendar: Pick<BusinessCalendar, 'businessDaysBetween'>,
  clock: Pick<LegalClock, 'isPast'>,
  subject: SubjectCalendar,
): TermStanding | null {
  if (!isOpen(c.status)) return null;
  const today = localDateOf(now);
  const termDueDate = termOf(c);
  // The one rule of "overdue" (open-cases.ts), so the inbox agrees with the API and the PDH's list.
  const overdue = isOverdue({ status: c.status, termDueDate }, now);
  const extendable = c.status !== 'extended' && extensionRefusal(c, now, clock) === null;
  return {
    termDueDate,
    businessDaysLeft: calendar.businessDaysBetween(today, termDueDate, subject),
    dueToday: termDueDate === today,
    overdue,
    businessDaysOverdue: overdue ? calendar.businessDaysBetween(termDueDate, today, subject) : 0,
    extensionPossibleUntil: extendable ? c.dueDate : null,
  };
}
