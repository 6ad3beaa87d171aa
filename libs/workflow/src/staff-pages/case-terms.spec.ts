import { BusinessCalendar, LegalClock, SubjectCalendar } from '@ventanilla/calendar';
import { termStanding } from './case-terms';

const calendar = new BusinessCalendar({ declaredDays: [], localHolidays: [], halfDaysAreBusiness: false });
const clock = new LegalClock(calendar);
const MINFIN: SubjectCalendar = { code: 'MINFIN', worksSaturdays: false, closingTime: '16:00' };
const RENAP: SubjectCalendar = { code: 'RENAP', worksSaturdays: true, closingTime: '16:00' };
// Monday 2026-04-13, 10:00 in Guatemala; the original term ends Friday 2026-04-17.
const MONDAY = new Date('2026-04-13T10:00:00-06:00');
const at = (local: string) => new Date(`${local}-06:00`);

describe('termStanding (inbox and case page marks)', () => {
  it('counts the días hábiles left after today, on the subject\'s own calendar', () => {
    const standing = termStanding({ status: 'received', dueDate: '2026-04-20', extendedDueDate: null }, MONDAY, calendar, clock, MINFIN);
    // Tue, Wed, Thu, Fri and Mon 20: the weekend does not count.
    expect(standing).toEqual({ termDueDate: '2026-04-20', businessDaysLeft: 5, dueToday: false, overdue: false, businessDaysOverdue: 0, extensionPossibleUntil: '2026-04-20' });
    // A body that works Saturdays has one more.
    expect(termStanding({ status: 'received', dueDate: '2026-04-20', extendedDueDate: null }, MONDAY, calendar, clock, RENAP)!.businessDaysLeft).toBe(6);
  });

  it('marks "vence hoy" on the last day, until its end', () => {
    const standing = termStanding({ status: 'received', dueDate: '2026-04-17', extendedDueDate: null }, at('2026-04-17T23:59:00'), calendar, clock, MINFIN)!;
    expect(standing).toMatchObject({ businessDaysLeft: 0, dueToday: true, overdue: false, extensionPossibleUntil: '2026-04-17' });
  });

  it('marks "vencido" from the next day, with the días hábiles past, and no extension any more', () => {
    const standing = termStanding({ status: 'received', dueDate: '2026-04-17', extendedDueDate: null }, at('2026-04-21T09:00:00'), calendar, clock, MINFIN)!;
    expect(standing).toMatchObject({ businessDaysLeft: 0, dueToday: false, overdue: true, businessDaysOverdue: 2, extensionPossibleUntil: null });
  });

  it('runs from the extended term once extended, and offers no second extension', () => {
    const standing = termStanding({ status: 'extended', dueDate: '2026-04-17', extendedDueDate: '2026-05-04' }, MONDAY, calendar, clock, MINFIN)!;
    expect(standing.termDueDate).toBe('2026-05-04');
    expect(standing.overdue).toBe(false);
    expect(standing.extensionPossibleUntil).toBeNull();
    // Extended, then a clarification asked: still extended once.
    expect(termStanding({ status: 'clarification_requested', dueDate: '2026-04-17', extendedDueDate: '2026-05-04' }, MONDAY, calendar, clock, MINFIN)!.extensionPossibleUntil).toBeNull();
  });

  it('offers the extension while a clarification is pending', () => {
    expect(termStanding({ status: 'clarification_requested', dueDate: '2026-04-17', extendedDueDate: null }, MONDAY, calendar, clock, MINFIN)!.extensionPossibleUntil).toBe('2026-04-17');
  });

  it.each(['resolved', 'transferred', 'withdrawn'] as const)('has no standing for a %s case', (status) => {
    expect(termStanding({ status, dueDate: '2026-04-17', extendedDueDate: null }, MONDAY, calendar, clock, MINFIN)).toBeNull();
  });
});
