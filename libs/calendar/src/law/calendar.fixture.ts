// Bodies and calendar data shared by the specs of this folder (not exported from the library).
import { BusinessCalendar, CalendarData, SubjectCalendar } from './business-calendar';
import type { Holiday } from './holiday-rules';

export const MINFIN: SubjectCalendar = { code: 'MINFIN', worksSaturdays: false, closingTime: '16:00' };
/** Municipalidad de Guatemala: fiesta titular on 15 August. */
export const MUNI_GUATEMALA: SubjectCalendar = { code: 'MUNI-0101', worksSaturdays: false, closingTime: '16:00' };
/** Works Saturdays. */
export const RENAP: SubjectCalendar = { code: 'RENAP', worksSaturdays: true, closingTime: '16:00' };
/** Closes at 15:00 and had its office closed on Tuesday 2026-03-10. */
export const SAT: SubjectCalendar = { code: 'SAT', worksSaturdays: false, closingTime: '15:00' };

export const fixtureData = (halfDaysAreBusiness: boolean): CalendarData => ({
  halfDaysAreBusiness,
  declaredDays: [
    { date: '2025-11-03', name: 'Asueto por Acuerdo Gubernativo', subjectCode: null },
    { date: '2026-03-10', name: 'Cierre de oficinas por traslado', subjectCode: 'SAT' },
  ],
  localHolidays: [{ subjectCode: 'MUNI-0101', month: 8, day: 15, name: 'Feria de la Virgen de la Asunción' }],
});

/** 24 and 31 December not hábiles (what the executive usually declares). */
export const strictCalendar = (): BusinessCalendar => new BusinessCalendar(fixtureData(false));
/** 24 and 31 December hábiles until noon. */
export const halfDayCalendar = (): BusinessCalendar => new BusinessCalendar(fixtureData(true));

/** Guatemala's national holidays in 2026, written out by hand (30 June observed on Monday 29 June). */
export const NATIONAL_2026: readonly Holiday[] = [
  { date: '2026-01-01', name: 'Año Nuevo', kind: 'holiday' },
  { date: '2026-04-02', name: 'Jueves Santo', kind: 'holiday' },
  { date: '2026-04-03', name: 'Viernes Santo', kind: 'holiday' },
  { date: '2026-04-04', name: 'Sábado Santo', kind: 'holiday' },
  { date: '2026-05-01', name: 'Día del Trabajo', kind: 'holiday' },
  { date: '2026-06-29', name: 'Día del Ejército', kind: 'holiday' },
  { date: '2026-09-15', name: 'Día de la Independencia', kind: 'holiday' },
  { date: '2026-10-20', name: 'Día de la Revolución de 1944', kind: 'holiday' },
  { date: '2026-11-01', name: 'Día de Todos los Santos', kind: 'holiday' },
  { date: '2026-12-24', name: 'Nochebuena (desde mediodía)', kind: 'half_day' },
  { date: '2026-12-25', name: 'Navidad', kind: 'holiday' },
  { date: '2026-12-31', name: 'Fin de Año (desde mediodía)', kind: 'half_day' },
];
