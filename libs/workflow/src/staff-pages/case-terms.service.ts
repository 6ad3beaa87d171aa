import { Injectable } from '@nestjs/common';
import { CalendarService } from '@ventanilla/calendar';
import { CaseView } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { SubjectsService } from '@ventanilla/subjects';
import { TermStanding, termStanding } from './case-terms';

/** The term marks of a page's cases, each on its own subject's calendar (one calendar load per page). */
@Injectable()
export class CaseTerms {
  constructor(
    private readonly calendar: CalendarService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  async standings(cases: Pick<CaseView, 'id' | 'status' | 'dueDate' | 'extendedDueDate' | 'subject'>[]): Promise<Record<string, TermStanding | null>> {
    if (cases.length === 0) return {};
    const { calendar, clock } = await this.calendar.current();
    const codes = [...new Set(cases.map((c) => c.subject.code))];
    const subjects = new Map((await Promise.all(codes.map((code) => this.subjects.get(code)))).map((s) => [s.code, this.calendar.subjectCalendar(s)]));
    const now = this.clock.now();
    return Object.fromEntries(cases.map((c) => [c.id, termStanding(c, now, calendar, clock, subjects.get(c.subject.code)!)]));
  }
}
