import { BusinessCalendar, LegalClock } from '@ventanilla/calendar';
import { CaseStatus } from '@ventanilla/cases';
import { extensionRefusal } from './extension-rule';

const clock = new LegalClock(new BusinessCalendar({ declaredDays: [], localHolidays: [], halfDaysAreBusiness: false }));
// Due Friday 2026-04-17: the term runs to the end of that day in Guatemala (UTC-6).
const DUE = '2026-04-17';
const LAST_MINUTE = new Date('2026-04-17T23:59:00-06:00');
const NEXT_DAY = new Date('2026-04-18T00:00:00-06:00');

describe('extensionRefusal (Art. 43)', () => {
  it.each([
    ['received', null, LAST_MINUTE, null],
    ['clarification_requested', null, LAST_MINUTE, null],
    ['received', null, NEXT_DAY, 'term_ended'],
    ['received', '2026-05-01', LAST_MINUTE, 'already_extended'],
    // Extended, then a clarification was asked: still only one extension.
    ['clarification_requested', '2026-05-01', LAST_MINUTE, 'already_extended'],
    ['extended', '2026-05-01', LAST_MINUTE, 'already_extended'],
    // Closed cases are the state machine's to refuse.
    ['resolved', null, LAST_MINUTE, null],
    ['resolved', '2026-05-01', NEXT_DAY, null],
    ['transferred', null, NEXT_DAY, null],
    ['withdrawn', null, LAST_MINUTE, null],
  ] as const)('%s with extendedDueDate %s at %s → %s', (status, extendedDueDate, now, expected) => {
    expect(extensionRefusal({ status: status as CaseStatus, dueDate: DUE, extendedDueDate }, now, clock)).toBe(expected);
  });
});
