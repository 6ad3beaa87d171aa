import { resolvePeriod, withinMaxSpan, yearPeriod } from './period';

describe('monitoring period', () => {
  const today = '2026-05-14';

  it.each([
    [{}, { from: '2026-01-01', to: '2026-12-31' }],
    [{ from: '2024-03-01' }, { from: '2024-03-01', to: '2024-12-31' }],
    [{ to: '2023-06-30' }, { from: '2023-01-01', to: '2023-06-30' }],
    [{ from: '2020-02-01', to: '2022-01-31' }, { from: '2020-02-01', to: '2022-01-31' }],
  ])('resolves %j to %j', (query, period) => {
    expect(resolvePeriod(query, today)).toEqual(period);
  });

  it('gives a calendar year', () => {
    expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it.each([
    ['2016-01-01', '2025-12-31', true],
    ['2016-01-01', '2026-01-01', false],
    ['2016-02-29', '2026-02-28', true],
    ['2016-02-29', '2026-03-01', false],
    ['2020-05-05', '2020-05-05', true],
  ])('%s to %s is within ten years: %s', (from, to, expected) => {
    expect(withinMaxSpan(from, to)).toBe(expected);
  });
});
