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

/** The calendar's revision, as text: bigint stays exact. */
export const CALENDAR_REVISION_SQL = `SELECT revision::text AS revision FROM calendar_revision`;

// A few revisions side by side: a transaction that declared a day (its own uncommitted revision)
// does not evict the committed one everybody else reads.
const CACHED_REVISIONS = 4;

/**
 * The law's calendar fed from PostgreSQL, cached per `calendar_revision`. Triggers bump the
 * revision from a sequence on every change, so a revision names one content for good (a
 * rolled-back one is never handed out again). Every call reads that one row with the caller's
 * manager and answers exactly the calendar of the revision the caller sees — never an older one,
 * and inside a transaction its own uncommitted changes — loading it only when no call of this
 * process loaded it before: the api and the worker alike, in a transaction or not.
 */
@Injectable()
export class CalendarService {
  private readonly cached = new Map<string, LoadedCalendar>();
  private readonly loading = new Map<string, Promise<LoadedCalendar>>();
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
    const [{ revision }] = (await manager.query(CALENDAR_REVISION_SQL)) as { revision: string }[];
    return this.atRevision(revision, manager);
  }

  /**
   * The calendar of a revision the caller read itself with `manager` (a hot path reads it with
   * its other revisions in one query); loaded with that manager when this process has not yet.
   */
  async atRevision(revision: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedCalendar> {
    const hit = this.cached.get(revision);
    if (hit) return hit;
    // Calls that see the same revision share one load: it reads the same content whoever's
    // snapshot it runs in (the caller that started it keeps its transaction open while it runs).
    let pending = this.loading.get(revision);
    if (!pending) {
      pending = this.load(manager, revision)
        .then((loaded) => this.remember(loaded))
        .finally(() => this.loading.delete(revision));
      this.loading.set(revision, pending);
    }
    return pending;
  }

  subjectCalendar(subject: SubjectCalendarSettings): SubjectCalendar {
    return {
      code: subject.code,
      worksSaturdays: subject.worksSaturdays,
      closingTime: subject.closingTime ?? this.config.DEFAULT_CLOSING_TIME,
    };
  }

  private remember(loaded: LoadedCalendar): LoadedCalendar {
    this.cached.set(loaded.revision, loaded);
    // Maps keep insertion order: the first key is the revision loaded longest ago.
    while (this.cached.size > CACHED_REVISIONS) this.cached.delete(this.cached.keys().next().value!);
    return loaded;
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
