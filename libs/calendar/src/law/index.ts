export {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  formatLocalDate,
  GUATEMALA_UTC_OFFSET_MINUTES,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  parseLocalDate,
  startOfLocalDay,
} from './local-date';
export type { LocalDate, LocalTime } from './local-date';
export { easterSunday, NATIONAL_HOLIDAY_RULES, nationalHolidays, observedDate } from './holiday-rules';
export type { Holiday, HolidayAnchor, HolidayKind, HolidayObservance, HolidayRule } from './holiday-rules';
export { BusinessCalendar } from './business-calendar';
export type {
  CalendarData,
  DeclaredDay,
  LocalHoliday,
  NonBusinessDay,
  NonBusinessKind,
  SubjectCalendar,
} from './business-calendar';
export { LAW_TERMS, LegalClock } from './terms';
export type { CaseTerms, LegalTerms } from './terms';
