// Bodies and calendar data shared by the specs of this folder (not exported from the library).
import { BusinessCalendar, CalendarData, SubjectCalendar } from './business-calendar';

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
