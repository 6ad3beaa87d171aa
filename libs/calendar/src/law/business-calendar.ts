import { Holiday, nationalHolidays } from './holiday-rules';
import {
  datesOfYear,
  dayIndexInYear,
  dayOfWeek,
  daysInYear,
  formatLocalDate,
  isLeapYear,
  LocalDate,
  localDateOf,
  localMinutesOf,
  LocalTime,
  minutesOfLocalTime,
  parseLocalDate,
} from './local-date';

/** What the calendar needs to know about a sujeto obligado. */
export interface SubjectCalendar {
  code: string;
  /** Bodies on a Monday–Friday week (the default) do not count Saturdays (LOJ Art. 45). */
  worksSaturdays: boolean;
  /** 'HH:MM' local; a request received at or after it counts as received on the next día hábil (policy). */
  closingTime: LocalTime;
}

/** A day declared inhábil by Acuerdo Gubernativo (subjectCode null = every body) or a body's own closure. */
export interface DeclaredDay {
  date: LocalDate;
  name: string;
  subjectCode: string | null;
}

/** A holiday of one body every year, e.g. the municipality's fiesta titular. */
export interface LocalHoliday {
  subjectCode: string;
  month: number;
  day: number;
  name: string;
}

export interface CalendarData {
  declaredDays: DeclaredDay[];
  localHolidays: LocalHoliday[];
  /** Policy: 24 and 31 Dec are holidays from noon only (Art. 127); true keeps their mornings hábiles. */
  halfDaysAreBusiness: boolean;
}

export type NonBusinessKind = 'holiday' | 'half_day' | 'local_holiday' | 'declared';

export interface NonBusinessDay {
  date: LocalDate;
  name: string;
  kind: NonBusinessKind;
}

// Art. 127 makes the afternoon of a half day a holiday, so a hábil half day closes at noon.
const HALF_DAY_CLOSING_MINUTES = 12 * 60;
const KIND_ORDER: Record<NonBusinessKind, number> = { holiday: 0, half_day: 1, local_holiday: 2, declared: 3 };

/** One year of one calendar profile; built once, never handed out. */
interface YearTable {
  readonly closed: Uint8Array; // 1 = not hábil, by day index
  readonly closesAtNoon: Uint8Array; // 1 = hábil half day
  readonly rank: Int32Array; // días hábiles from 1 Jan through that day, inclusive
  readonly businessDays: readonly LocalDate[];
}

/** The year tables a subject uses, remembered per subject object (checked against its current fields). */
interface Profile {
  readonly code: string;
  readonly worksSaturdays: boolean;
  readonly years: Map<number, YearTable>;
}

/**
 * Días hábiles per body (LAIP Arts. 42-44 count them; LOJ Art. 45 says which days are not).
 * Each (year, profile) is tabulated once, so a term is an array lookup, not a day-by-day walk.
 * Bodies without local holidays or own declared days share a profile.
 */
export class BusinessCalendar {
  private readonly declaredByYear = new Map<number, readonly Readonly<DeclaredDay>[]>();
  private readonly localByCode = new Map<string, readonly Readonly<LocalHoliday>[]>();
  private readonly codesWithOwnDays = new Set<string>();
  private readonly halfDaysAreBusiness: boolean;
  private readonly holidaysByYear = new Map<number, readonly Holiday[]>();
  private readonly sharedYears = new Map<string, Map<number, YearTable>>();
  private readonly profiles = new WeakMap<SubjectCalendar, Profile>();
  private readonly closingMinutes = new Map<LocalTime, number>();

  constructor(data: CalendarData) {
    this.halfDaysAreBusiness = data.halfDaysAreBusiness === true;
    for (const declared of data.declaredDays) {
      const { year } = parseLocalDate(declared.date);
      const copy = Object.freeze({ date: declared.date, name: declared.name, subjectCode: declared.subjectCode ?? null });
      this.declaredByYear.set(year, [...(this.declaredByYear.get(year) ?? []), copy]);
      if (copy.subjectCode !== null) this.codesWithOwnDays.add(copy.subjectCode);
    }
    for (const local of data.localHolidays) {
      formatLocalDate(2024, local.month, local.day); // validates; 2024 is a leap year, so 29 Feb passes
      const copy = Object.freeze({ subjectCode: local.subjectCode, month: local.month, day: local.day, name: local.name });
      this.localByCode.set(local.subjectCode, [...(this.localByCode.get(local.subjectCode) ?? []), copy]);
      this.codesWithOwnDays.add(local.subjectCode);
    }
  }

  isBusinessDay(date: LocalDate, subject: SubjectCalendar): boolean {
    const { year, month, day } = parseLocalDate(date);
    return this.table(year, subject).closed[dayIndexInYear(year, month, day)] === 0;
  }

  /** The first día hábil strictly after `date`. */
  nextBusinessDay(date: LocalDate, subject: SubjectCalendar): LocalDate {
    return this.addBusinessDays(date, 1, subject);
  }

  /** The n-th día hábil after `date`: day 1 is the next día hábil (LOJ Art. 45(e)). */
  addBusinessDays(date: LocalDate, n: number, subject: SubjectCalendar): LocalDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addBusinessDays needs an integer n >= 1, got ${n}`);
    const { year, month, day } = parseLocalDate(date);
    return this.advance(year, dayIndexInYear(year, month, day), n, subject);
  }

  /** Días hábiles in (fromExclusive, toInclusive]; 0 when `to` is not after `from`. */
  businessDaysBetween(fromExclusive: LocalDate, toInclusive: LocalDate, subject: SubjectCalendar): number {
    const from = parseLocalDate(fromExclusive);
    const to = parseLocalDate(toInclusive);
    if (toInclusive <= fromExclusive) return 0;
    let count =
      this.table(to.year, subject).rank[dayIndexInYear(to.year, to.month, to.day)] -
      this.table(from.year, subject).rank[dayIndexInYear(from.year, from.month, from.day)];
    for (let year = from.year; year < to.year; year++) count += this.table(year, subject).businessDays.length;
    return count;
  }

  /**
   * Holidays and declared days of a year, sorted (ordinary weekends are left out). Half days
   * are listed as `half_day` whatever the policy. A date may appear once per reason.
   */
  nonBusinessDays(year: number, subject?: SubjectCalendar): NonBusinessDay[] {
    const days: NonBusinessDay[] = this.holidays(year).map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
    if (subject) {
      for (const local of this.localByCode.get(subject.code) ?? []) {
        if (local.month === 2 && local.day === 29 && !isLeapYear(year)) continue;
        days.push({ date: formatLocalDate(year, local.month, local.day), name: local.name, kind: 'local_holiday' });
      }
    }
    for (const declared of this.declaredByYear.get(year) ?? []) {
      if (declared.subjectCode === null || declared.subjectCode === subject?.code) {
        days.push({ date: declared.date, name: declared.name, kind: 'declared' });
      }
    }
    return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  }

  /**
   * The day a request counts as received: its local date when that day is hábil and it came
   * before closing time, otherwise the next día hábil (laip.md, Deadlines: reception day).
   */
  receptionDay(receivedAt: Date, subject: SubjectCalendar): LocalDate {
    const closing = this.closingOf(subject.closingTime);
    const date = localDateOf(receivedAt);
    const { year, month, day } = parseLocalDate(date);
    const table = this.table(year, subject);
    const index = dayIndexInYear(year, month, day);
    const closesAt = table.closesAtNoon[index] === 1 ? Math.min(closing, HALF_DAY_CLOSING_MINUTES) : closing;
    if (table.closed[index] === 0 && localMinutesOf(receivedAt) < closesAt) return date;
    return this.advance(year, index, 1, subject);
  }

  /** The n-th día hábil after day `index` of `year`, read off the rank tables. */
  private advance(year: number, index: number, n: number, subject: SubjectCalendar): LocalDate {
    let table = this.table(year, subject);
    let position = table.rank[index] + n - 1;
    while (position >= table.businessDays.length) {
      position -= table.businessDays.length;
      table = this.table(++year, subject);
    }
    return table.businessDays[position];
  }

  private closingOf(time: LocalTime): number {
    let minutes = this.closingMinutes.get(time);
    if (minutes === undefined) {
      minutes = minutesOfLocalTime(time);
      this.closingMinutes.set(time, minutes);
    }
    return minutes;
  }

  private holidays(year: number): readonly Holiday[] {
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      holidays = Object.freeze(nationalHolidays(year).map((h) => Object.freeze(h)));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }

  private table(year: number, subject: SubjectCalendar): YearTable {
    let profile = this.profiles.get(subject);
    if (!profile || profile.code !== subject.code || profile.worksSaturdays !== subject.worksSaturdays) {
      profile = this.profileOf(subject);
      this.profiles.set(subject, profile);
    }
    let table = profile.years.get(year);
    if (!table) {
      const ownCode = this.codesWithOwnDays.has(profile.code) ? profile.code : null;
      table = this.buildYear(year, profile.worksSaturdays, ownCode);
      profile.years.set(year, table);
    }
    return table;
  }

  private profileOf(subject: SubjectCalendar): Profile {
    const { code, worksSaturdays } = subject;
    const key = `${worksSaturdays ? 6 : 5}${this.codesWithOwnDays.has(code) ? `:${code}` : ''}`;
    let years = this.sharedYears.get(key);
    if (!years) {
      years = new Map();
      this.sharedYears.set(key, years);
    }
    return { code, worksSaturdays, years };
  }

  private buildYear(year: number, worksSaturdays: boolean, ownCode: string | null): YearTable {
    const length = daysInYear(year);
    const closed = new Uint8Array(length);
    const closesAtNoon = new Uint8Array(length);
    const indexOf = (date: LocalDate): number => {
      const { month, day } = parseLocalDate(date);
      return dayIndexInYear(year, month, day);
    };
    const dates = datesOfYear(year);
    const firstWeekday = dayOfWeek(dates[0]);
    for (let i = 0; i < length; i++) {
      const weekday = (firstWeekday + i) % 7;
      if (weekday === 0 || (weekday === 6 && !worksSaturdays)) closed[i] = 1;
    }
    for (const holiday of this.holidays(year)) {
      const i = indexOf(holiday.date);
      if (holiday.kind === 'holiday' || !this.halfDaysAreBusiness) closed[i] = 1;
      else closesAtNoon[i] = 1;
    }
    for (const local of ownCode === null ? [] : (this.localByCode.get(ownCode) ?? [])) {
      if (local.month === 2 && local.day === 29 && !isLeapYear(year)) continue;
      closed[dayIndexInYear(year, local.month, local.day)] = 1;
    }
    for (const declared of this.declaredByYear.get(year) ?? []) {
      if (declared.subjectCode === null || declared.subjectCode === ownCode) closed[indexOf(declared.date)] = 1;
    }
    const rank = new Int32Array(length);
    const businessDays: LocalDate[] = [];
    for (let i = 0; i < length; i++) {
      if (closed[i] === 0) businessDays.push(dates[i]);
      rank[i] = businessDays.length;
    }
    return { closed, closesAtNoon, rank, businessDays: Object.freeze(businessDays) };
  }
}
