import { LAW_TERMS, LegalClock } from './terms';
import { halfDayCalendar, MINFIN, MUNI_GUATEMALA, RENAP, SAT, strictCalendar } from './calendar.fixture';
import { SubjectCalendar } from './business-calendar';

const clocks = { strict: new LegalClock(strictCalendar()), halfDays: new LegalClock(halfDayCalendar()) };
type Which = keyof typeof clocks;

describe('LegalClock', () => {
  it('uses the LAIP terms', () => {
    expect(LAW_TERMS).toEqual({
      responseDays: 10,
      extensionDays: 10,
      fictaDays: 10,
      appealFilingDays: 15,
      appealDecisionDays: 5,
      complianceDays: 5,
    });
  });

  // Expected values counted by hand on a printed calendar; see the comment of each row.
  it.each<[string, SubjectCalendar, Which, string, string, string]>([
    // Mon 2 Mar 2026 10:00: Mar 3..16 (10), then Mar 17..30 (10)
    ['2026-03-02T16:00:00Z', MINFIN, 'strict', '2026-03-02', '2026-03-16', '2026-03-30'],
    // local Mon 21:00 → Tue 3 Mar: Mar 4..17
    ['2026-03-03T03:00:00Z', MINFIN, 'strict', '2026-03-03', '2026-03-17', '2026-03-31'],
    // Mon 30 Mar 2026: Mar 31, Apr 1, [Holy Week], Apr 6..10, 13, 14, 15
    ['2026-03-30T15:00:00Z', MINFIN, 'strict', '2026-03-30', '2026-04-15', '2026-04-29'],
    // same for a Saturday worker: Sat 11 Apr counts; then 15, 16, 17, Sat 18, 20..24, Sat 25
    ['2026-03-30T15:00:00Z', RENAP, 'strict', '2026-03-30', '2026-04-14', '2026-04-25'],
    // Wed 17 Dec 2025, 24/31 Dec not hábiles: 18,19,22,23,26,29,30, Jan 2,5,6; then Jan 7..20
    ['2025-12-17T16:00:00Z', MINFIN, 'strict', '2025-12-17', '2026-01-06', '2026-01-20'],
    // same with half days hábiles: 18,19,22,23,24,26,29,30,31, Jan 2; then Jan 5..16
    ['2025-12-17T16:00:00Z', MINFIN, 'halfDays', '2025-12-17', '2026-01-02', '2026-01-16'],
    // Fri 8 Aug 2025 at the municipality: 15 Aug is its fiesta → 25 Aug; then Aug 26..Sep 8
    ['2025-08-08T16:00:00Z', MUNI_GUATEMALA, 'strict', '2025-08-08', '2025-08-25', '2025-09-08'],
    ['2025-08-08T16:00:00Z', MINFIN, 'strict', '2025-08-08', '2025-08-22', '2025-09-05'],
    // Mon 27 Oct 2025: 28..31, [1 Sat, 2 Sun, 3 declared], Nov 4..7, 10, 11
    ['2025-10-27T16:00:00Z', MINFIN, 'strict', '2025-10-27', '2025-11-11', '2025-11-25'],
    // SAT closes at 15:00 and its own closure on Tue 10 Mar: received Wed 11 → Mar 12..25;
    // then 26, 27, 30, 31, Apr 1, [Holy Week], 6..10
    ['2026-03-09T21:00:00Z', SAT, 'strict', '2026-03-11', '2026-03-25', '2026-04-10'],
    // Sunday 8 Mar 2026 → Mon 9: Mar 10..23; then 24..27, 30, 31, Apr 1, [Holy Week], 6, 7, 8
    ['2026-03-08T15:00:00Z', MINFIN, 'strict', '2026-03-09', '2026-03-23', '2026-04-08'],
  ])('caseTerms(%s, %o, %s)', (iso, subject, which, receivedOn, dueDate, tenMore) => {
    expect(clocks[which].caseTerms(new Date(iso), subject)).toEqual({
      receivedOn,
      dueDate,
      extendedDueDate: tenMore,
      fictaDueDate: tenMore,
    });
  });

  it('counts extension and ficta with their own settings', () => {
    const clock = new LegalClock(strictCalendar(), { ...LAW_TERMS, extensionDays: 5, fictaDays: 3 });
    // due Mon 16 Mar 2026; +5 → Mon 23 Mar; +3 → Thu 19 Mar
    expect(clock.caseTerms(new Date('2026-03-02T16:00:00Z'), MINFIN)).toEqual({
      receivedOn: '2026-03-02',
      dueDate: '2026-03-16',
      extendedDueDate: '2026-03-23',
      fictaDueDate: '2026-03-19',
    });
  });

  it.each<[string, SubjectCalendar, Which, string]>([
    // resolution Mon 16 Mar 2026: Mar 17..31 (11), Apr 1 (12), [Holy Week], Apr 6, 7, 8
    ['2026-03-16', MINFIN, 'strict', '2026-04-08'],
    // Fri 19 Dec 2025, half days off: 22,23,26,29,30, Jan 2,5..9, 12..15
    ['2025-12-19', MINFIN, 'strict', '2026-01-15'],
    // Fri 19 Dec 2025, half days hábiles: 22,23,24,26,29,30,31, Jan 2,5..9, 12, 13
    ['2025-12-19', MINFIN, 'halfDays', '2026-01-13'],
  ])('appealDeadline(%s, %o, %s) = %s', (from, subject, which, expected) => {
    expect(clocks[which].appealDeadline(from, subject)).toBe(expected);
  });

  it('chains appeal decision and compliance', () => {
    const clock = clocks.strict;
    // filed Wed 8 Apr 2026: 9, 10, 13, 14, 15
    expect(clock.appealDecisionDueDate('2026-04-08', MINFIN)).toBe('2026-04-15');
    // decided Wed 15 Apr 2026: 16, 17, 20, 21, 22
    expect(clock.complianceDueDate('2026-04-15', MINFIN)).toBe('2026-04-22');
    // filed Thu 14 Aug 2025 at the municipality: [15 fiesta], 18, 19, 20, 21, 22
    expect(clock.appealDecisionDueDate('2025-08-14', MUNI_GUATEMALA)).toBe('2025-08-22');
  });

  it.each<[string, string, SubjectCalendar, Which, number]>([
    ['2026-03-02', '2026-03-16', MINFIN, 'strict', 10],
    ['2026-03-02', '2026-03-02', MINFIN, 'strict', 0],
    ['2026-03-02', '2026-03-17', MINFIN, 'strict', 11],
    ['2026-03-30', '2026-04-15', MINFIN, 'strict', 10],
    ['2026-03-30', '2026-04-15', RENAP, 'strict', 11],
    ['2025-12-17', '2026-01-06', MINFIN, 'strict', 10],
    ['2025-12-17', '2026-01-06', MINFIN, 'halfDays', 12],
    ['2026-03-09', '2026-03-13', SAT, 'strict', 3],
    ['2026-03-09', '2026-03-13', MINFIN, 'strict', 4],
  ])('businessDaysTaken(%s, %s, %o, %s) = %i', (receivedOn, resolvedOn, subject, which, expected) => {
    expect(clocks[which].businessDaysTaken(receivedOn, resolvedOn, subject)).toBe(expected);
  });

  it.each([
    ['2026-03-16', '2026-03-16T12:00:00Z', false], // 06:00 local on the due date
    ['2026-03-16', '2026-03-17T05:59:00Z', false], // 23:59 local on the due date
    ['2026-03-16', '2026-03-17T05:59:59.999Z', false],
    ['2026-03-16', '2026-03-17T06:00:00Z', true], // 00:00 local the next day
    ['2026-03-16', '2026-03-20T15:00:00Z', true],
    ['2025-12-31', '2026-01-01T05:59:00Z', false], // New Year's Eve 23:59 local, already 1 Jan in UTC
  ])('isPast(%s, %s) = %s', (termEnd, now, expected) => {
    expect(clocks.strict.isPast(termEnd, new Date(now))).toBe(expected);
  });

  it.each([{ responseDays: 0 }, { fictaDays: -1 }, { appealFilingDays: 2.5 }])('rejects terms %o', (bad) => {
    expect(() => new LegalClock(strictCalendar(), { ...LAW_TERMS, ...bad })).toThrow(RangeError);
  });
});
