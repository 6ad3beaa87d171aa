import { monthsBetween } from './pdh-pages.controller';

describe('the months of the PDH charts', () => {
  it('lists every month from the first to the last, across a year end', () => {
    expect(monthsBetween('2026-01-01', '2026-03-15')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsBetween('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05-01', '2026-05-31')).toEqual(['2026-05']);
    expect(monthsBetween('2026-06-01', '2026-05-31')).toEqual([]);
  });
});
