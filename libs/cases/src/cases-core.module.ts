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
import { CaseStore } from './store/case-store';
import { CaseWrites } from './store/case-writes';

/** Requests, cases and events: their entities, view, the store, its unit of work and the action runner, for every feature. */
@Module({
  imports: [TypeOrmModule.forFeature([Request, Case, CaseEvent, Document]), CalendarCoreModule, MailModule],
  providers: [CaseReader, CaseStore, CaseWrites, CaseActions, CaseFactory],
  exports: [CaseReader, CaseStore, CaseWrites, CaseActions, CaseFactory, TypeOrmModule, CalendarCoreModule, MailModule],
})
export class CasesCoreModule {}
