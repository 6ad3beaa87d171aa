/** A calendar day in America/Guatemala, written 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A wall-clock time in America/Guatemala, written 'HH:MM' (24 h). */
export type LocalTime = string;

// Guatemala has kept UTC-06:00 all year since its last daylight-saving period ended on
// 1 Oct 2006 (laip.md, Deadlines). A fixed offset is exact for every instant since then,
// needs no ICU time-zone data and is far cheaper than Intl.DateTimeFormat at a million
// terms per run (the spec checks it against the tz database). Instants before Oct 2006
// predate the LAIP (2008) and are not handled specially.
export const GUATEMALA_UTC_OFFSET_MINUTES = -360;

const OFFSET_MS = GUATEMALA_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
// The computus and the leap-year rule are Gregorian; four-digit years keep strings sortable.
const MIN_YEAR = 1583;
const MAX_YEAR = 9999;
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function rangeError(value: unknown): RangeError {
  return new RangeError(`Not a LocalDate (YYYY-MM-DD, years ${MIN_YEAR}-${MAX_YEAR}): ${String(value)}`);
}

/** Splits a LocalDate into numbers; throws RangeError on anything but a real 'YYYY-MM-DD' day. */
export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw rangeError(date);
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    parseLocalDate(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Zero-based day of the year (1 Jan = 0), the index of per-year tables. */
export function dayIndexInYear(year: number, month: number, day: number): number {
  return MONTH_START[month - 1] + (month > 2 && isLeapYear(year) ? 1 : 0) + day - 1;
}

const datesCache = new Map<number, readonly LocalDate[]>();

/** Every LocalDate of a year, by day index; built once per year and frozen. */
export function datesOfYear(year: number): readonly LocalDate[] {
  let dates = datesCache.get(year);
  if (!dates) {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw rangeError(year);
    const list: LocalDate[] = [];
    const yyyy = String(year);
    for (let month = 1; month <= 12; month++) {
      const mm = month < 10 ? `0${month}` : String(month);
      for (let day = 1, last = daysInMonth(year, month); day <= last; day++) {
        list.push(`${yyyy}-${mm}-${day < 10 ? `0${day}` : day}`);
      }
    }
    dates = Object.freeze(list);
    datesCache.set(year, dates);
  }
  return dates;
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  const valid = Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1;
  if (!valid || day > daysInMonth(year, month)) throw rangeError(`${year}-${month}-${day}`);
  return datesOfYear(year)[dayIndexInYear(year, month, day)];
}

// Days since 1970-01-01 (H. Hinnant's civil-calendar algorithms): plain integer arithmetic,
// so neither the host's time zone nor any DST can shift a day.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYearFromMarch = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYearFromMarch;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYearFromMarch = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYearFromMarch + 2) / 153);
  const day = dayOfYearFromMarch - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return datesOfYear(year)[dayIndexInYear(year, month, day)];
}

function epochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return daysFromCivil(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs an integer, got ${days}`);
  return civilFromDays(epochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Negative, zero or positive, like a sort comparator. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  parseLocalDate(a);
  parseLocalDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

function localMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return ms + OFFSET_MS;
}

/** The Guatemalan calendar day an instant falls on. */
export function localDateOf(instant: Date): LocalDate {
  return civilFromDays(Math.floor(localMs(instant) / DAY_MS));
}

/** Minutes since local midnight, truncated (15:59:59 is 959). */
export function localMinutesOf(instant: Date): number {
  const ms = localMs(instant);
  return Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 60_000);
}

/** The Guatemalan wall-clock time of an instant, truncated to the minute. */
export function localTimeOf(instant: Date): LocalTime {
  const minutes = localMinutesOf(instant);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}

export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

/** 'HH:MM' as minutes since midnight; throws RangeError when malformed. */
export function minutesOfLocalTime(time: LocalTime): number {
  if (!isLocalTime(time)) throw new RangeError(`Not a LocalTime (HH:MM): ${String(time)}`);
  return digits(time, 0, 2) * 60 + digits(time, 3, 5);
}

/** The instant a local day ends: the next day's 00:00 in Guatemala (a term "runs to the end of the due date"). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date((epochDay(date) + 1) * DAY_MS - OFFSET_MS);
}

/** The instant a local day starts (00:00 in Guatemala). */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(epochDay(date) * DAY_MS - OFFSET_MS);
}
