import { Module } from '@nestjs/common';
import { AuditModule } from '@ventanilla/audit';
import { AuthModule } from '@ventanilla/auth';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { CalendarCoreModule } from './calendar-core.module';
import { CalendarController } from './calendar.controller';
import { DeadlineService } from './deadline.service';
import { NonBusinessDaysService } from './non-business-days.service';
import { SubjectCalendarSettingsService } from './subject-calendar-settings.service';

/** The calendar endpoints: public deadline and non-business-day queries, admin declarations and settings. */
@Module({
  imports: [CalendarCoreModule, SubjectsCoreModule, AuthModule, AuditModule],
  controllers: [CalendarController],
  providers: [DeadlineService, NonBusinessDaysService, SubjectCalendarSettingsService],
  exports: [NonBusinessDaysService, SubjectCalendarSettingsService],
})
export class CalendarModule {}
