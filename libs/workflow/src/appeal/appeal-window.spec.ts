import { BusinessCalendar, LegalClock, SubjectCalendar } from '@ventanilla/calendar';
import { CaseStatus } from '@ventanilla/cases';
import { appealWindowEnd, canFileAppeal } from './appeal-window';

const clock = new LegalClock(new BusinessCalendar({ declaredDays: [], localHolidays: [], halfDaysAreBusiness: false }));
const MINFIN: SubjectCalendar = { code: 'MINFIN', worksSaturdays: false, closingTime: '16:00' };
const gt = (iso: string) => new Date(`${iso}-06:00`);

// Term due Friday 2026-04-17; resolved on Monday 2026-04-13.
const TERM = '2026-04-17';
const resolved = { status: 'resolved' as CaseStatus, resolvedAt: gt('2026-04-13T11:00:00'), termDueDate: TERM };
const open = (status: CaseStatus) => ({ status, resolvedAt: null, termDueDate: TERM });

describe('appeal window (Art. 55)', () => {
  it('runs 15 días hábiles after the resolution day', () => {
    // 15 días hábiles after Mon 13 April: Tue 5 May (weekends and 1 May skipped).
    expect(appealWindowEnd(resolved, clock, MINFIN)).toBe('2026-05-05');
  });

  it.each([
    ['the day after the resolution', resolved, '2026-04-14T09:00:00', true],
    ['the last day, late evening', resolved, '2026-05-05T23:59:00', true],
    ['the day after the window', resolved, '2026-05-06T00:00:00', false],
    ['an open case before its term ends', open('received'), '2026-04-17T23:00:00', false],
    ['an open case the day after its term', open('received'), '2026-04-18T09:00:00', true],
    ['an extended case once overdue', open('extended'), '2026-04-20T09:00:00', true],
    ['a case awaiting clarification once overdue', open('clarification_requested'), '2026-04-20T09:00:00', true],
    ['an overdue case still unanswered long after its term', open('received'), '2026-06-30T09:00:00', true],
    ['a transferred case', { ...open('transferred'), termDueDate: '2026-04-01' }, '2026-04-20T09:00:00', false],
    ['a withdrawn case', { ...open('withdrawn'), termDueDate: '2026-04-01' }, '2026-04-20T09:00:00', false],
  ] as const)('%s: %s', (_label, c, now, expected) => {
    expect(canFileAppeal(c, clock, MINFIN, gt(now))).toBe(expected);
  });
});
