import { ValidateBy, ValidationOptions } from 'class-validator';
import { daysInMonth, isLocalDate, LocalDate, localDateOf } from './law/local-date';

/** Years the calendar endpoints accept: wide enough for any case, narrow enough for the law's year tables. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

// 'YYYY-MM-DDTHH:MM[:SS[.fff]]' plus 'Z' or '±HH:MM' (RFC 3339 profile of ISO-8601): an instant, never a wall time.
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** An ISO-8601 instant with an explicit offset as a Date; null for anything else (no offset, impossible fields). */
export function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(m[7]) * 1000);
  // Before 1583 the Gregorian rules (and Date.UTC's 2-digit years) do not apply.
  if (year < 1583 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 14 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

function inCalendarRange(date: Date | LocalDate): boolean {
  // The UTC year is checked first: far-off instants would overflow the law's year tables.
  if (typeof date !== 'string' && Math.abs(date.getUTCFullYear() - CALENDAR_MIN_YEAR) > 1000) return false;
  const year = Number((typeof date === 'string' ? date : localDateOf(date)).slice(0, 4));
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
}

const RANGE_MESSAGE = `debe estar entre los años ${CALENDAR_MIN_YEAR} y ${CALENDAR_MAX_YEAR}`;

// The two format checks carry the names of class-validator's own ISO checks so the error
// filter renders its bilingual messages ("…ISO-8601 con zona horaria", "…fecha ISO-8601").

/** An ISO-8601 instant with offset or 'Z' ('2026-03-30T10:00:00-06:00'), in the accepted years. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ValidateBy({ name: 'isISO8601', validator: { validate: (value) => parseInstant(value) !== null } }, options)(target, property as string);
    ValidateBy(
      {
        name: 'calendarYearRange',
        validator: {
          validate: (value) => {
            const instant = parseInstant(value);
            return instant === null || inCalendarRange(instant);
          },
          defaultMessage: () => RANGE_MESSAGE,
        },
      },
      options,
    )(target, property as string);
  };
}

/** A real calendar day written 'YYYY-MM-DD' ('2026-02-30' is not one), in the accepted years. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ValidateBy({ name: 'isDateString', validator: { validate: (value) => isLocalDate(value) } }, options)(target, property as string);
    ValidateBy(
      {
        name: 'calendarYearRange',
        validator: {
          validate: (value) => !isLocalDate(value) || inCalendarRange(value),
          defaultMessage: () => RANGE_MESSAGE,
        },
      },
      options,
    )(target, property as string);
  };
}
