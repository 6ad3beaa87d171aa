import { Injectable } from '@nestjs/common';
import { SubjectsService } from '@ventanilla/subjects';
import { CalendarService } from './calendar.service';
import { DeadlineView } from './deadline.dto';

/** The public deadline preview: the very computation a case received at that instant goes through. */
@Injectable()
export class DeadlineService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly subjects: SubjectsService,
  ) {}

  /** Throws NOT_FOUND for an unknown subject. */
  async preview(receivedAt: Date, subjectCode: string): Promise<DeadlineView> {
    const subject = await this.subjects.get(subjectCode);
    const { clock } = await this.calendar.current();
    const { receivedOn, dueDate, extendedDueDate } = clock.caseTerms(receivedAt, this.calendar.subjectCalendar(subject));
    return { receivedOn, dueDate, extendedDueDate };
  }
}
