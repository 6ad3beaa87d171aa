import { easterSunday, NATIONAL_HOLIDAY_RULES, nationalHolidays } from './holiday-rules';
import { NATIONAL_2026 } from './calendar.fixture';

const on = (year: number, name: string): string[] =>
  nationalHolidays(year)
    .filter((h) => h.name === name)
    .map((h) => h.date);

describe('holiday rules (Código de Trabajo Art. 127, Decreto 19-2018)', () => {
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([
    [2022, '2022-04-14', '2022-04-15', '2022-04-16'],
    [2023, '2023-04-06', '2023-04-07', '2023-04-08'],
    [2024, '2024-03-28', '2024-03-29', '2024-03-30'],
    [2025, '2025-04-17', '2025-04-18', '2025-04-19'],
    [2026, '2026-04-02', '2026-04-03', '2026-04-04'],
    [2027, '2027-03-25', '2027-03-26', '2027-03-27'],
    [2028, '2028-04-13', '2028-04-14', '2028-04-15'],
    [2029, '2029-03-29', '2029-03-30', '2029-03-31'],
    [2030, '2030-04-18', '2030-04-19', '2030-04-20'],
  ])('Holy Week %i: Jueves %s, Viernes %s, Sábado %s', (year, thursday, friday, saturday) => {
    expect(on(year, 'Jueves Santo')).toEqual([thursday]);
    expect(on(year, 'Viernes Santo')).toEqual([friday]);
    expect(on(year, 'Sábado Santo')).toEqual([saturday]);
  });

  it.each([
    [2022, 'Thursday', '2022-07-04'],
    [2023, 'Friday', '2023-07-03'],
    [2024, 'Sunday', '2024-07-01'],
    [2025, 'Monday', '2025-06-30'],
    [2026, 'Tuesday', '2026-06-29'],
    [2027, 'Wednesday', '2027-06-28'],
    [2028, 'Friday', '2028-07-03'],
    [2029, 'Saturday', '2029-07-02'],
    [2030, 'Sunday', '2030-07-01'],
  ])('30 June %i falls on a %s and is observed on %s', (year, _weekday, observed) => {
    expect(on(year, 'Día del Ejército')).toEqual([observed]);
  });

  // The Constitutional Court (2020) kept 1 May and 20 October on their dates, whatever the weekday.
  it.each([
    [2022, '2022-05-01', '2022-10-20'], // Sunday, Thursday
    [2024, '2024-05-01', '2024-10-20'], // Wednesday, Sunday
    [2025, '2025-05-01', '2025-10-20'], // Thursday, Monday
    [2026, '2026-05-01', '2026-10-20'], // Friday, Tuesday
    [2027, '2027-05-01', '2027-10-20'], // Saturday, Wednesday
    [2029, '2029-05-01', '2029-10-20'], // Tuesday, Saturday
  ])('1 May and 20 October %i stay on %s and %s', (year, mayDay, revolution) => {
    expect(on(year, 'Día del Trabajo')).toEqual([mayDay]);
    expect(on(year, 'Día de la Revolución de 1944')).toEqual([revolution]);
  });

  it('lists 2026 in full, sorted, with half days marked', () => {
    expect(nationalHolidays(2026)).toEqual(NATIONAL_2026);
  });

  it('keeps the rules as frozen data with only 30 June moving', () => {
    expect(Object.isFrozen(NATIONAL_HOLIDAY_RULES)).toBe(true);
    expect(NATIONAL_HOLIDAY_RULES.every((rule) => Object.isFrozen(rule) && Object.isFrozen(rule.anchor))).toBe(true);
    expect(NATIONAL_HOLIDAY_RULES.filter((r) => r.observance === 'moved_to_monday').map((r) => r.name)).toEqual([
      'Día del Ejército',
    ]);
  });
});
