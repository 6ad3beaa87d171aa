import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar, LegalClock, LegalTerms, SubjectCalendar } from './law';

export interface LoadedCalendar {
  revision: string;
  calendar: BusinessCalendar;
  clock: LegalClock;
}

/** What a subject row needs to give the calendar. */
export interface SubjectCalendarSettings {
  code: string;
  worksSaturdays: boolean;
  closingTime: string | null;
}

/**
 * The law's calendar fed from PostgreSQL. It is cached per `calendar_revision`, which
 * triggers bump on every change, and that one row is read before each use: a declared
 * día inhábil changes the next answer of every process at once.
 */
@Injectable()
export class CalendarService {
  private cached?: LoadedCalendar;
  private loading?: Promise<LoadedCalendar>;
  readonly terms: LegalTerms;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {
    this.terms = {
      responseDays: config.TERM_RESPONSE_DAYS,
      extensionDays: config.TERM_EXTENSION_DAYS,
      fictaDays: config.TERM_FICTA_DAYS,
      appealFilingDays: config.TERM_APPEAL_FILING_DAYS,
      appealDecisionDays: config.TERM_APPEAL_DECISION_DAYS,
      complianceDays: config.TERM_COMPLIANCE_DAYS,
    };
  }

  /** The current calendar; pass the transaction's manager to see its own uncommitted changes. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<LoadedCalendar> {
    const [{ revision }] = (await manager.query(`SELECT revision::text AS revision FROM calendar_revision`)) as { revision: string }[];
    if (this.cached?.revision === revision) return this.cached;
    if (manager !== this.dataSource.manager) return this.load(manager, revision);
    this.loading ??= this.load(manager, revision).finally(() => (this.loading = undefined));
    const loaded = await this.loading;
    this.cached = loaded;
    return loaded;
  }

  subjectCalendar(subject: SubjectCalendarSettings): SubjectCalendar {
    return {
      code: subject.code,
      worksSaturdays: subject.worksSaturdays,
      closingTime: subject.closingTime ?? this.config.DEFAULT_CLOSING_TIME,
    };
  }

  private async load(manager: EntityManager, revision: string): Promise<LoadedCalendar> {
    const declaredDays: { date: string; name: string; subjectCode: string | null }[] = await manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, subject_code AS "subjectCode" FROM non_business_days`,
    );
    const localHolidays: { subjectCode: string; month: number; day: number; name: string }[] = await manager.query(
      `SELECT subject_code AS "subjectCode", month, day, name FROM local_holidays`,
    );
    const calendar = new BusinessCalendar({
      declaredDays,
      localHolidays,
      halfDaysAreBusiness: this.config.HALF_DAYS_ARE_BUSINESS,
    });
    return { revision, calendar, clock: new LegalClock(calendar, this.terms) };
  }
}
