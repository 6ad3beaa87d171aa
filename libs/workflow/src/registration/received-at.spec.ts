import { receivedAtProblem } from './received-at';

const NOW = new Date('2026-03-30T16:00:00Z');
const at = (iso: string) => new Date(iso);

describe('receivedAtProblem', () => {
  it.each([
    ['now', '2026-03-30T16:00:00Z'],
    ['a minute ahead (device clocks)', '2026-03-30T16:01:00Z'],
    ['40 days ago', '2026-02-18T10:00:00-06:00'],
    ['exactly one year ago', '2025-03-30T16:00:00Z'],
  ])('accepts %s', (_label, iso) => {
    expect(receivedAtProblem(at(iso), NOW)).toBeNull();
  });

  it.each([
    ['in an hour', '2026-03-30T17:00:00Z', /posterior/],
    ['tomorrow', '2026-03-31T10:00:00-06:00', /posterior/],
    ['a year and a second ago', '2025-03-30T15:59:59Z', /más de un año/],
    ['two years ago', '2024-03-01T10:00:00-06:00', /más de un año/],
  ])('refuses %s', (_label, iso, message) => {
    expect(receivedAtProblem(at(iso), NOW)).toMatch(message);
  });
});
