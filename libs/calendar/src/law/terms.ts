import { BusinessCalendar, SubjectCalendar } from './business-calendar';
import { endOfLocalDay, LocalDate } from './local-date';

/** Terms in días hábiles. */
export interface LegalTerms {
  responseDays: number; // Art. 42
  extensionDays: number; // Art. 43
  fictaDays: number; // Art. 44, afirmativa ficta
  appealFilingDays: number; // Art. 55, recurso de revisión
  appealDecisionDays: number; // Art. 58
  complianceDays: number; // Art. 60
}

export const LAW_TERMS: Readonly<LegalTerms> = Object.freeze({
  responseDays: 10,
  extensionDays: 10,
  fictaDays: 10,
  appealFilingDays: 15,
  appealDecisionDays: 5,
  complianceDays: 5,
});

export interface CaseTerms {
  receivedOn: LocalDate;
  dueDate: LocalDate;
  /** What the due date becomes if the body extends it (Art. 43); the case decides whether it did. */
  extendedDueDate: LocalDate;
  /** Afirmativa ficta counted from the original due date; after an extension use fictaDueDate(extendedDueDate). */
  fictaDueDate: LocalDate;
}

/** Every LAIP deadline as a function of dates; the caller supplies "now" where it matters. */
export class LegalClock {
  private readonly terms: Readonly<LegalTerms>;

  constructor(
    private readonly calendar: BusinessCalendar,
    terms: LegalTerms = LAW_TERMS,
  ) {
    for (const [name, days] of Object.entries(terms)) {
      if (!Number.isInteger(days) || days < 1) throw new RangeError(`${name} must be a whole number of días hábiles >= 1`);
    }
    this.terms = Object.freeze({ ...terms });
  }

  caseTerms(receivedAt: Date, subject: SubjectCalendar): CaseTerms {
    const receivedOn = this.calendar.receptionDay(receivedAt, subject);
    const dueDate = this.dueDate(receivedOn, subject);
    return {
      receivedOn,
      dueDate,
      extendedDueDate: this.extendedDueDate(dueDate, subject),
      fictaDueDate: this.fictaDueDate(dueDate, subject),
    };
  }

  /** Art. 42: 10 días hábiles, day 1 being the día hábil after the reception day (LOJ Art. 45(e)). */
  dueDate(receivedOn: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(receivedOn, this.terms.responseDays, subject);
  }

  /** Art. 43: the original due date plus up to 10 días hábiles, once. */
  extendedDueDate(dueDate: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(dueDate, this.terms.extensionDays, subject);
  }

  /** Art. 44: 10 días hábiles after the term (original or extended) expired. */
  fictaDueDate(termEnd: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(termEnd, this.terms.fictaDays, subject);
  }

  /** Art. 55: 15 días hábiles after the resolution was notified, or after the term ran out unanswered. */
  appealDeadline(fromDate: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(fromDate, this.terms.appealFilingDays, subject);
  }

  /** Art. 58: the máxima autoridad decides within 5 días hábiles of the filing day. */
  appealDecisionDueDate(filedOn: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(filedOn, this.terms.appealDecisionDays, subject);
  }

  /** Art. 60: the body complies within 5 días hábiles of the decision. */
  complianceDueDate(decidedOn: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.calendar.addBusinessDays(decidedOn, this.terms.complianceDays, subject);
  }

  /** Response time reported to the PDH (Art. 48.3): días hábiles after the reception day through the resolution day. */
  businessDaysTaken(receivedOn: LocalDate, resolvedOn: LocalDate, subject: SubjectCalendar): number {
    return this.calendar.businessDaysBetween(receivedOn, resolvedOn, subject);
  }

  /** A term runs to the end of its last day, local time: past from the next day's 00:00 in Guatemala. */
  isPast(termEnd: LocalDate, now: Date): boolean {
    return now.getTime() >= endOfLocalDay(termEnd).getTime();
  }
}
