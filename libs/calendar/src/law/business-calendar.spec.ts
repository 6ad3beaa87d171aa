import { BusinessCalendar, SubjectCalendar } from './business-calendar';
import { fixtureData, halfDayCalendar, MINFIN, MUNI_GUATEMALA, NATIONAL_2026, RENAP, SAT, strictCalendar } from './calendar.fixture';

const strict = strictCalendar();
const halfDays = halfDayCalendar();
const calendars = { strict, halfDays };
type Which = keyof typeof calendars;

describe('BusinessCalendar', () => {
  describe('isBusinessDay', () => {
    it.each<[string, SubjectCalendar, Which, boolean, string]>([
      // weekends
      ['2026-03-06', MINFIN, 'strict', true, 'Friday'],
      ['2026-03-07', MINFIN, 'strict', false, 'Saturday, Monday-Friday body'],
      ['2026-03-07', RENAP, 'strict', true, 'Saturday, body that works Saturdays'],
      ['2026-03-08', RENAP, 'strict', false, 'Sunday is never hábil'],
      // Holy Week 2026 (Easter 5 April)
      ['2026-04-01', MINFIN, 'strict', true, 'Miércoles Santo is an ordinary day'],
      ['2026-04-02', MINFIN, 'strict', false, 'Jueves Santo'],
      ['2026-04-03', MINFIN, 'strict', false, 'Viernes Santo'],
      ['2026-04-04', RENAP, 'strict', false, 'Sábado Santo, even for a Saturday worker'],
      ['2026-04-06', MINFIN, 'strict', true, 'Easter Monday'],
      ['2024-03-28', MINFIN, 'strict', false, 'Jueves Santo 2024'],
      ['2029-03-30', MINFIN, 'strict', false, 'Viernes Santo 2029'],
      // 1 May never moves
      ['2025-05-01', MINFIN, 'strict', false, '1 May 2025, Thursday'],
      ['2025-05-02', MINFIN, 'strict', true, 'day after 1 May 2025'],
      ['2026-05-01', MINFIN, 'strict', false, '1 May 2026, Friday'],
      ['2026-05-04', MINFIN, 'strict', true, 'Monday after 1 May 2026 (no move)'],
      ['2027-05-01', RENAP, 'strict', false, '1 May 2027, Saturday, for a Saturday worker'],
      ['2027-05-03', MINFIN, 'strict', true, 'Monday after a Saturday 1 May (no move)'],
      ['2022-05-02', MINFIN, 'strict', true, 'Monday after a Sunday 1 May (no move)'],
      // 20 October never moves
      ['2025-10-20', MINFIN, 'strict', false, '20 Oct 2025, Monday'],
      ['2026-10-20', MINFIN, 'strict', false, '20 Oct 2026, Tuesday'],
      ['2026-10-19', MINFIN, 'strict', true, 'Monday before a Tuesday 20 Oct (no move)'],
      ['2024-10-21', MINFIN, 'strict', true, 'Monday after a Sunday 20 Oct (no move)'],
      ['2029-10-20', RENAP, 'strict', false, '20 Oct 2029, Saturday, for a Saturday worker'],
      ['2029-10-22', MINFIN, 'strict', true, 'Monday after a Saturday 20 Oct (no move)'],
      // 30 June moves to a Monday (Decreto 19-2018)
      ['2022-06-30', MINFIN, 'strict', true, '30 June 2022, Thursday, moved away'],
      ['2022-07-04', MINFIN, 'strict', false, '30 June 2022 observed'],
      ['2023-07-03', MINFIN, 'strict', false, '30 June 2023 observed'],
      ['2024-07-01', MINFIN, 'strict', false, '30 June 2024 observed'],
      ['2025-06-30', MINFIN, 'strict', false, '30 June 2025, Monday, stays'],
      ['2026-06-29', MINFIN, 'strict', false, '30 June 2026 observed'],
      ['2026-06-30', MINFIN, 'strict', true, '30 June 2026, Tuesday, moved away'],
      ['2027-06-28', MINFIN, 'strict', false, '30 June 2027 observed'],
      ['2027-06-30', MINFIN, 'strict', true, '30 June 2027, Wednesday, moved away'],
      ['2028-07-03', MINFIN, 'strict', false, '30 June 2028 observed'],
      ['2029-06-30', RENAP, 'strict', true, '30 June 2029, Saturday, moved away: hábil for a Saturday worker'],
      ['2029-07-02', RENAP, 'strict', false, '30 June 2029 observed'],
      ['2030-07-01', MINFIN, 'strict', false, '30 June 2030 observed'],
      // year end
      ['2025-12-24', MINFIN, 'strict', false, 'Nochebuena when half days are not hábiles'],
      ['2025-12-24', MINFIN, 'halfDays', true, 'Nochebuena when half days are hábiles'],
      ['2025-12-31', MINFIN, 'strict', false, '31 Dec when half days are not hábiles'],
      ['2025-12-31', MINFIN, 'halfDays', true, '31 Dec when half days are hábiles'],
      ['2025-12-25', MINFIN, 'halfDays', false, 'Navidad'],
      ['2025-12-26', MINFIN, 'strict', true, '26 Dec'],
      ['2026-01-01', MINFIN, 'halfDays', false, 'Año Nuevo'],
      ['2026-01-02', MINFIN, 'strict', true, '2 Jan'],
      // fiesta titular
      ['2025-08-15', MUNI_GUATEMALA, 'strict', false, 'fiesta titular of Guatemala City'],
      ['2025-08-15', MINFIN, 'strict', true, '15 Aug is hábil for a ministry'],
      ['2030-08-15', MUNI_GUATEMALA, 'strict', false, 'fiesta titular every year'],
      // declared days
      ['2025-11-03', MINFIN, 'strict', false, 'declared for everyone'],
      ['2025-11-03', MUNI_GUATEMALA, 'strict', false, 'declared for everyone'],
      ['2025-11-03', RENAP, 'strict', false, 'declared for everyone'],
      ['2026-03-10', SAT, 'strict', false, 'declared for SAT only'],
      ['2026-03-10', MINFIN, 'strict', true, 'declared for SAT only'],
      ['2025-11-04', MINFIN, 'strict', true, 'the day after a declared day'],
    ])('%s for %o (%s) is hábil: %s (%s)', (date, subject, which, expected) => {
      expect(calendars[which].isBusinessDay(date, subject)).toBe(expected);
    });
  });

  it.each<[string, SubjectCalendar, Which, string]>([
    ['2026-03-06', MINFIN, 'strict', '2026-03-09'], // Friday → Monday
    ['2026-03-06', RENAP, 'strict', '2026-03-07'], // Friday → Saturday
    ['2026-04-01', MINFIN, 'strict', '2026-04-06'], // over Holy Week
    ['2026-04-01', RENAP, 'strict', '2026-04-06'], // Sábado Santo too
    ['2025-10-31', MINFIN, 'strict', '2025-11-04'], // Sat 1 Nov, Sun, declared Mon 3 Nov
    ['2025-12-23', MINFIN, 'strict', '2025-12-26'],
    ['2025-12-23', MINFIN, 'halfDays', '2025-12-24'],
    ['2025-12-30', MINFIN, 'strict', '2026-01-02'],
    ['2025-12-30', MINFIN, 'halfDays', '2025-12-31'],
    ['2026-03-09', SAT, 'strict', '2026-03-11'],
    ['2026-03-09', MINFIN, 'strict', '2026-03-10'],
    ['2025-08-14', MUNI_GUATEMALA, 'strict', '2025-08-18'],
    ['2025-08-14', MINFIN, 'strict', '2025-08-15'],
    ['2026-03-08', MINFIN, 'strict', '2026-03-09'], // from a Sunday
  ])('nextBusinessDay(%s, %o, %s) = %s', (date, subject, which, expected) => {
    expect(calendars[which].nextBusinessDay(date, subject)).toBe(expected);
  });

  it.each<[string, number, SubjectCalendar, Which, string]>([
    ['2026-03-02', 10, MINFIN, 'strict', '2026-03-16'],
    ['2026-03-30', 10, MINFIN, 'strict', '2026-04-15'], // Holy Week
    ['2026-03-30', 10, RENAP, 'strict', '2026-04-14'], // Holy Week, Saturdays count
    ['2025-12-17', 10, MINFIN, 'strict', '2026-01-06'], // year end, half days off
    ['2025-12-17', 10, MINFIN, 'halfDays', '2026-01-02'], // year end, half days hábiles
    ['2025-08-08', 10, MUNI_GUATEMALA, 'strict', '2025-08-25'],
    ['2025-08-08', 10, MINFIN, 'strict', '2025-08-22'],
    ['2025-04-28', 10, MINFIN, 'strict', '2025-05-13'], // 1 May
    ['2026-06-22', 10, MINFIN, 'strict', '2026-07-07'], // Monday 29 June
    ['2022-06-27', 10, MINFIN, 'strict', '2022-07-12'], // Monday 4 July
    ['2026-03-07', 1, MINFIN, 'strict', '2026-03-09'], // from a Saturday
  ])('addBusinessDays(%s, %i, %o, %s) = %s', (date, n, subject, which, expected) => {
    expect(calendars[which].addBusinessDays(date, n, subject)).toBe(expected);
  });

  it.each<[string, string, SubjectCalendar, Which, number]>([
    ['2026-03-02', '2026-03-16', MINFIN, 'strict', 10],
    ['2026-03-02', '2026-03-02', MINFIN, 'strict', 0],
    ['2026-03-16', '2026-03-02', MINFIN, 'strict', 0],
    ['2026-03-07', '2026-03-09', MINFIN, 'strict', 1],
    ['2026-03-06', '2026-03-09', RENAP, 'strict', 2],
    ['2026-03-06', '2026-03-09', MINFIN, 'strict', 1],
    ['2025-12-17', '2026-01-06', MINFIN, 'strict', 10],
    ['2025-12-17', '2026-01-06', MINFIN, 'halfDays', 12],
    // 2026: 261 weekdays minus 10 on holidays (8 + the two half days)
    ['2025-12-31', '2026-12-31', MINFIN, 'strict', 251],
    ['2025-12-31', '2026-12-31', MINFIN, 'halfDays', 253],
    // 2025: 261 weekdays minus 11 (incl. the declared 3 Nov) = 250, then 2026's 251
    ['2024-12-31', '2026-12-31', MINFIN, 'strict', 501],
  ])('businessDaysBetween(%s, %s, %o, %s) = %i', (from, to, subject, which, expected) => {
    expect(calendars[which].businessDaysBetween(from, to, subject)).toBe(expected);
  });

  it('agrees with itself: n días hábiles after d are n días hábiles away', () => {
    for (const subject of [MINFIN, RENAP, MUNI_GUATEMALA, SAT]) {
      for (let n = 1; n <= 600; n += 7) {
        const end = strict.addBusinessDays('2024-12-20', n, subject);
        expect(strict.businessDaysBetween('2024-12-20', end, subject)).toBe(n);
        expect(strict.isBusinessDay(end, subject)).toBe(true);
      }
    }
  });

  describe('nonBusinessDays', () => {

    it.each<[Which]>([['strict'], ['halfDays']])('lists national holidays and half days (%s)', (which) => {
      expect(calendars[which].nonBusinessDays(2026)).toEqual(NATIONAL_2026);
    });

    it('adds a subject’s own declared day only for that subject', () => {
      const closure = { date: '2026-03-10', name: 'Cierre de oficinas por traslado', kind: 'declared' };
      expect(strict.nonBusinessDays(2026, SAT)).toEqual([NATIONAL_2026[0], closure, ...NATIONAL_2026.slice(1)]);
      expect(strict.nonBusinessDays(2026, MINFIN)).toEqual(NATIONAL_2026);
    });

    it('adds the fiesta titular for the municipality', () => {
      const fiesta = { date: '2026-08-15', name: 'Feria de la Virgen de la Asunción', kind: 'local_holiday' };
      expect(strict.nonBusinessDays(2026, MUNI_GUATEMALA)).toEqual([
        ...NATIONAL_2026.slice(0, 6),
        fiesta,
        ...NATIONAL_2026.slice(6),
      ]);
    });

    it('includes a day declared for everyone, with or without a subject', () => {
      const declared = { date: '2025-11-03', name: 'Asueto por Acuerdo Gubernativo', kind: 'declared' };
      expect(strict.nonBusinessDays(2025)).toContainEqual(declared);
      expect(strict.nonBusinessDays(2025, RENAP)).toContainEqual(declared);
      expect(strict.nonBusinessDays(2025).map((d) => d.date)).toEqual([
        '2025-01-01',
        '2025-04-17',
        '2025-04-18',
        '2025-04-19',
        '2025-05-01',
        '2025-06-30',
        '2025-09-15',
        '2025-10-20',
        '2025-11-01',
        '2025-11-03',
        '2025-12-24',
        '2025-12-25',
        '2025-12-31',
      ]);
    });

    it('hands out copies', () => {
      const first = strict.nonBusinessDays(2026);
      first[0].date = '1999-01-01';
      first.length = 0;
      expect(strict.nonBusinessDays(2026)).toEqual(NATIONAL_2026);
    });
  });

  describe('receptionDay', () => {
    it.each<[string, SubjectCalendar, Which, string, string]>([
      ['2026-03-02T16:00:00Z', MINFIN, 'strict', '2026-03-02', 'Monday 10:00'],
      ['2026-03-02T21:59:00Z', MINFIN, 'strict', '2026-03-02', 'Monday 15:59, before closing'],
      ['2026-03-02T21:59:59.999Z', MINFIN, 'strict', '2026-03-02', 'Monday 15:59:59, before closing'],
      ['2026-03-02T22:00:00Z', MINFIN, 'strict', '2026-03-03', 'Monday 16:00, at closing'],
      ['2026-03-03T03:00:00Z', MINFIN, 'strict', '2026-03-03', 'UTC Tuesday, local Monday 21:00'],
      ['2026-03-03T05:59:00Z', MINFIN, 'strict', '2026-03-03', 'local Monday 23:59'],
      ['2026-03-03T06:00:00Z', MINFIN, 'strict', '2026-03-03', 'local Tuesday 00:00'],
      ['2026-03-09T20:59:00Z', SAT, 'strict', '2026-03-09', '14:59, body closing at 15:00'],
      ['2026-03-09T21:00:00Z', SAT, 'strict', '2026-03-11', '15:00, next day declared closed for SAT'],
      ['2026-03-09T21:00:00Z', MINFIN, 'strict', '2026-03-09', '15:00, body closing at 16:00'],
      ['2026-03-07T15:00:00Z', MINFIN, 'strict', '2026-03-09', 'Saturday 09:00'],
      ['2026-03-07T15:00:00Z', RENAP, 'strict', '2026-03-07', 'Saturday 09:00, Saturday worker'],
      ['2026-03-08T15:00:00Z', RENAP, 'strict', '2026-03-09', 'Sunday 09:00'],
      ['2026-04-02T15:00:00Z', MINFIN, 'strict', '2026-04-06', 'Jueves Santo'],
      ['2026-04-02T15:00:00Z', RENAP, 'strict', '2026-04-06', 'Jueves Santo, Saturday worker'],
      ['2025-10-31T23:00:00Z', MINFIN, 'strict', '2025-11-04', 'Friday 17:00 before a declared Monday'],
      ['2025-08-15T15:00:00Z', MUNI_GUATEMALA, 'strict', '2025-08-18', 'fiesta titular'],
      ['2025-08-15T15:00:00Z', MINFIN, 'strict', '2025-08-15', '15 Aug at a ministry'],
      ['2025-12-24T16:00:00Z', MINFIN, 'strict', '2025-12-26', 'Nochebuena 10:00, not hábil'],
      ['2025-12-24T17:59:00Z', MINFIN, 'halfDays', '2025-12-24', 'Nochebuena 11:59, hábil morning'],
      ['2025-12-24T18:00:00Z', MINFIN, 'halfDays', '2025-12-26', 'Nochebuena 12:00, holiday afternoon'],
      ['2025-12-31T18:30:00Z', SAT, 'halfDays', '2026-01-02', '31 Dec 12:30, holiday afternoon'],
      ['2026-01-01T05:30:00Z', MINFIN, 'halfDays', '2026-01-02', 'UTC 1 Jan, local 31 Dec 23:30'],
    ])('%s at %o (%s) counts as received on %s (%s)', (iso, subject, which, expected) => {
      expect(calendars[which].receptionDay(new Date(iso), subject)).toBe(expected);
    });

    it('rejects a malformed closing time', () => {
      expect(() => strict.receptionDay(new Date('2026-03-02T16:00:00Z'), { ...MINFIN, closingTime: '4pm' })).toThrow(
        RangeError,
      );
    });
  });

  it('copies its data: later changes to the input change nothing', () => {
    const data = fixtureData(false);
    const calendar = new BusinessCalendar(data);
    data.declaredDays.push({ date: '2026-03-09', name: 'late', subjectCode: null });
    data.declaredDays[0].date = '2025-11-04';
    data.localHolidays.length = 0;
    expect(calendar.isBusinessDay('2026-03-09', MINFIN)).toBe(true);
    expect(calendar.isBusinessDay('2025-11-03', MINFIN)).toBe(false);
    expect(calendar.isBusinessDay('2025-08-15', MUNI_GUATEMALA)).toBe(false);
  });

  it.each([
    [{ declaredDays: [{ date: '2025-02-30', name: 'x', subjectCode: null }], localHolidays: [], halfDaysAreBusiness: false }],
    [{ declaredDays: [], localHolidays: [{ subjectCode: 'M', month: 13, day: 1, name: 'x' }], halfDaysAreBusiness: false }],
  ])('rejects invalid data %#', (data) => {
    expect(() => new BusinessCalendar(data)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5])('rejects n = %p', (n) => {
    expect(() => strict.addBusinessDays('2026-03-02', n, MINFIN)).toThrow(RangeError);
  });
});
