import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';

/** The calendar as a service, for every feature that computes a term. */
@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarCoreModule {}
