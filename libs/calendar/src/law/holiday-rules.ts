import { addDays, dayOfWeek, formatLocalDate, LocalDate } from './local-date';

export type HolidayKind = 'holiday' | 'half_day';

export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

/** Where a holiday falls: a fixed day of the year, or days from Easter Sunday. */
export type HolidayAnchor =
  | { readonly type: 'fixed'; readonly month: number; readonly day: number }
  | { readonly type: 'easter'; readonly offset: number };

/** `moved_to_monday`: Decreto 19-2018 (Tue/Wed → previous Monday; Thu–Sun → next Monday). */
export type HolidayObservance = 'on_date' | 'moved_to_monday';

export interface HolidayRule {
  readonly name: string;
  readonly kind: HolidayKind;
  readonly anchor: HolidayAnchor;
  readonly observance: HolidayObservance;
  readonly source: string;
}

const fixed = (month: number, day: number): HolidayAnchor => ({ type: 'fixed', month, day });
const easter = (offset: number): HolidayAnchor => ({ type: 'easter', offset });
const ART_127 = 'Código de Trabajo Art. 127';

/**
 * Guatemala's national holidays. Decreto 19-2018 moved holidays to Mondays, but the
 * Constitutional Court (2020) exempted 1 May and 20 October, so only 30 June moves.
 * 24 and 31 December are holidays from noon only (Art. 127), hence `half_day`.
 */
export const NATIONAL_HOLIDAY_RULES: readonly HolidayRule[] = Object.freeze(
  (
    [
      { name: 'Año Nuevo', kind: 'holiday', anchor: fixed(1, 1), observance: 'on_date', source: ART_127 },
      { name: 'Jueves Santo', kind: 'holiday', anchor: easter(-3), observance: 'on_date', source: ART_127 },
      { name: 'Viernes Santo', kind: 'holiday', anchor: easter(-2), observance: 'on_date', source: ART_127 },
      { name: 'Sábado Santo', kind: 'holiday', anchor: easter(-1), observance: 'on_date', source: ART_127 },
      { name: 'Día del Trabajo', kind: 'holiday', anchor: fixed(5, 1), observance: 'on_date', source: ART_127 },
      {
        name: 'Día del Ejército',
        kind: 'holiday',
        anchor: fixed(6, 30),
        observance: 'moved_to_monday',
        source: `${ART_127}; Decreto 19-2018`,
      },
      { name: 'Día de la Independencia', kind: 'holiday', anchor: fixed(9, 15), observance: 'on_date', source: ART_127 },
      { name: 'Día de la Revolución de 1944', kind: 'holiday', anchor: fixed(10, 20), observance: 'on_date', source: ART_127 },
      { name: 'Día de Todos los Santos', kind: 'holiday', anchor: fixed(11, 1), observance: 'on_date', source: ART_127 },
      { name: 'Nochebuena (desde mediodía)', kind: 'half_day', anchor: fixed(12, 24), observance: 'on_date', source: ART_127 },
      { name: 'Navidad', kind: 'holiday', anchor: fixed(12, 25), observance: 'on_date', source: ART_127 },
      { name: 'Fin de Año (desde mediodía)', kind: 'half_day', anchor: fixed(12, 31), observance: 'on_date', source: ART_127 },
    ] satisfies HolidayRule[]
  ).map((rule) => Object.freeze({ ...rule, anchor: Object.freeze(rule.anchor) })),
);

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

// Decreto 19-2018: Monday stays; Tue/Wed go back to Monday; Thu, Fri, Sat, Sun go on to Monday.
const TO_MONDAY = [1, 0, -1, -2, 4, 3, 2]; // indexed by day of week, Sunday = 0

export function observedDate(rule: HolidayRule, year: number): LocalDate {
  const date =
    rule.anchor.type === 'fixed'
      ? formatLocalDate(year, rule.anchor.month, rule.anchor.day)
      : addDays(easterSunday(year), rule.anchor.offset);
  return rule.observance === 'moved_to_monday' ? addDays(date, TO_MONDAY[dayOfWeek(date)]) : date;
}

/** The national holidays of a year as observed, sorted by date. */
export function nationalHolidays(year: number): Holiday[] {
  return NATIONAL_HOLIDAY_RULES.map((rule) => ({ date: observedDate(rule, year), name: rule.name, kind: rule.kind })).sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
}
