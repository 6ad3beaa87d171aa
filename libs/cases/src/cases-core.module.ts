import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarCoreModule } from '@ventanilla/calendar';
import { MailModule } from '@ventanilla/mail';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { CaseActions } from './case-actions.service';
import { Document } from './document.entity';
import { CaseFactory } from './case-factory.service';
import { CaseReader } from './case-reader.service';
import { Request } from './request.entity';

/** Requests, cases and events: their entities, view and the action runner, for every feature. */
@Module({
  imports: [TypeOrmModule.forFeature([Request, Case, CaseEvent, Document]), CalendarCoreModule, MailModule],
  providers: [CaseReader, CaseActions, CaseFactory],
  exports: [CaseReader, CaseActions, CaseFactory, TypeOrmModule, CalendarCoreModule, MailModule],
})
export class CasesCoreModule {}
