import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsCalendarDate, IsInstant, parseInstant } from './calendar-input';

describe('parseInstant', () => {
  it.each([
    ['2026-03-30T10:00:00-06:00', '2026-03-30T16:00:00.000Z'],
    ['2026-03-30T10:00-06:00', '2026-03-30T16:00:00.000Z'],
    ['2026-03-31T03:00:00Z', '2026-03-31T03:00:00.000Z'],
    ['2026-03-31T03:00:00z', '2026-03-31T03:00:00.000Z'],
    ['2026-03-31T01:00:00+09:00', '2026-03-30T16:00:00.000Z'],
    ['2026-03-30T10:00:00.123456-0600', '2026-03-30T16:00:00.123Z'],
    ['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'mañana',
    '2026-03-30T10:00:00', // a wall time, not an instant
    '2026-03-30',
    '2026-02-30T10:00:00Z',
    '2026-03-30T24:00:00Z',
    '2026-03-30T10:60:00Z',
    '2026-03-30T10:00:60Z',
    '2026-03-30T10:00:00+15:00',
    '2026-03-30 10:00:00Z',
    '0050-01-01T00:00:00Z',
    ' 2026-03-30T10:00:00Z',
    '',
    1774886400000,
    null,
  ])('refuses %p', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

class Probe {
  @IsInstant() at: unknown;
  @IsCalendarDate() day: unknown;
}

const errorsOf = (at: unknown, day: unknown) => {
  const probe = Object.assign(new Probe(), { at, day });
  return Object.fromEntries(validateSync(probe).map((e) => [e.property, Object.keys(e.constraints ?? {})]));
};

describe('calendar input decorators', () => {
  it('accept instants with offset and real dates in 2000-2100', () => {
    expect(errorsOf('2026-03-30T10:00:00-06:00', '2026-02-28')).toEqual({});
    expect(errorsOf('2100-12-31T17:59:59Z', '2100-12-31')).toEqual({});
    expect(errorsOf('2000-01-01T06:00:00Z', '2000-01-01')).toEqual({});
  });

  it('name one format error per malformed value', () => {
    expect(errorsOf('2026-03-30T10:00:00', '2026-02-30')).toEqual({ at: ['isISO8601'], day: ['isDateString'] });
    expect(errorsOf(undefined, 20260228)).toEqual({ at: ['isISO8601'], day: ['isDateString'] });
  });

  it('name a range error for years outside 2000-2100, judged by the Guatemalan date', () => {
    expect(errorsOf('1999-12-31T23:00:00-06:00', '1999-12-31')).toEqual({
      at: ['calendarYearRange'],
      day: ['calendarYearRange'],
    });
    // 2000-01-01T03:00Z is still 31 Dec 1999 in Guatemala.
    expect(errorsOf('2000-01-01T03:00:00Z', '2101-01-01')).toEqual({ at: ['calendarYearRange'], day: ['calendarYearRange'] });
    expect(errorsOf('9999-12-31T23:00:00-14:00', '2026-01-01')).toEqual({ at: ['calendarYearRange'] });
  });
});
