import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  isLocalDate,
  localDateOf,
  localTimeOf,
  parseLocalDate,
  startOfLocalDay,
} from './local-date';

describe('local-date', () => {
  // Guatemala is UTC-06:00: subtract six hours from the UTC instant.
  it.each([
    ['2026-03-03T03:00:00Z', '2026-03-02', '21:00'],
    ['2026-03-03T05:59:59Z', '2026-03-02', '23:59'],
    ['2026-03-03T06:00:00Z', '2026-03-03', '00:00'],
    ['2026-03-02T21:59:00Z', '2026-03-02', '15:59'],
    ['2026-03-02T22:00:00Z', '2026-03-02', '16:00'],
    ['2026-01-01T05:30:00Z', '2025-12-31', '23:30'],
    ['2024-02-29T12:00:00Z', '2024-02-29', '06:00'],
    ['2024-03-01T03:00:00Z', '2024-02-29', '21:00'],
    ['2026-03-02T10:00:00-06:00', '2026-03-02', '10:00'],
  ])('%s is %s %s in Guatemala', (iso, date, time) => {
    expect(localDateOf(new Date(iso))).toBe(date);
    expect(localTimeOf(new Date(iso))).toBe(time);
  });

  // The fixed offset is only right because Guatemala has had no DST since 2006; tzdata must agree.
  it.each([
    '2007-01-15T12:00:00Z',
    '2010-07-01T05:30:00Z',
    '2016-04-03T06:00:00Z',
    '2022-11-06T07:00:00Z',
    '2026-03-08T08:00:00Z',
    '2030-10-27T05:59:00Z',
  ])('agrees with the tz database for %s', (iso) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Guatemala',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    expect(localDateOf(new Date(iso))).toBe(`${part('year')}-${part('month')}-${part('day')}`);
    expect(localTimeOf(new Date(iso))).toBe(`${part('hour')}:${part('minute')}`);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-02', 30, '2026-04-01'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-04-05', -3, '2026-04-02'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('steps day by day like the JS Date UTC calendar from 1999 to 2041', () => {
    let date = '1999-01-01';
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2041, 0, 1); ms += 86_400_000) {
      const utc = new Date(ms);
      expect(date).toBe(utc.toISOString().slice(0, 10));
      expect(dayOfWeek(date)).toBe(utc.getUTCDay());
      date = addDays(date, 1);
    }
    expect(addDays('1999-01-01', 15_341)).toBe('2041-01-01');
    expect(daysBetween('1999-01-01', '2041-01-01')).toBe(15_341);
  });

  it.each([
    ['2026-03-01', 0],
    ['2026-03-02', 1],
    ['2026-03-07', 6],
    ['2000-01-01', 6],
    ['2022-06-30', 4],
    ['2024-02-29', 4],
  ])('dayOfWeek(%s) = %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it.each([
    ['2026-03-02', '2026-03-03', -1],
    ['2026-03-03', '2026-03-02', 1],
    ['2026-03-02', '2026-03-02', 0],
    ['2025-12-31', '2026-01-01', -1],
  ])('compareLocalDates(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareLocalDates(a, b))).toBe(sign);
  });

  it.each([
    ['2025-12-31', '2026-01-01', 1],
    ['2026-01-01', '2025-12-31', -1],
    ['2024-02-01', '2024-03-01', 29],
  ])('daysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-03-16', '2026-03-16T06:00:00.000Z', '2026-03-17T06:00:00.000Z'],
    ['2025-12-31', '2025-12-31T06:00:00.000Z', '2026-01-01T06:00:00.000Z'],
  ])('%s runs from %s to %s', (date, start, end) => {
    expect(startOfLocalDay(date).toISOString()).toBe(start);
    expect(endOfLocalDay(date).toISOString()).toBe(end);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-3-1', '20260301', '', '2026-03-32', '1200-01-01'])(
    'rejects %p',
    (bad) => {
      expect(isLocalDate(bad)).toBe(false);
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    },
  );

  it('rejects an invalid instant', () => {
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError);
  });
});
