import { BusinessCalendar, LegalClock, SubjectCalendar } from '@ventanilla/calendar';
import { recomputedTerms } from './terms-recompute.service';

const MINFIN: SubjectCalendar = { code: 'MINFIN', worksSaturdays: false, closingTime: '16:00' };
// Tue 3 Mar 2026 declared inhábil after a case received on Mon 2 Mar (due Mon 16 Mar before it).
const clock = new LegalClock(
  new BusinessCalendar({ halfDaysAreBusiness: true, declaredDays: [{ date: '2026-03-03', name: 'Asueto', subjectCode: null }], localHolidays: [] }),
);
const base = { receivedOn: '2026-03-02', extendedDueDate: null, appealStatus: null, appealDueDate: null, appealFiledAt: null };

describe('recomputedTerms', () => {
  it.each([
    // Mar 4..17 (10); ficta Mar 18..31.
    ['a case in its term', base, { dueDate: '2026-03-17', extendedDueDate: null, fictaDueDate: '2026-03-31', appealDueDate: null }],
    // Extended: Mar 18..31; ficta Apr 1, [Holy Week], 6..10, 13..16.
    [
      'an extended case',
      { ...base, extendedDueDate: '2026-03-30' },
      { dueDate: '2026-03-17', extendedDueDate: '2026-03-31', fictaDueDate: '2026-04-16', appealDueDate: null },
    ],
    // Appeal filed Mon 2 Mar (decision due Mon 9 Mar): Mar 4, 5, 6, 9, 10.
    [
      'an appeal whose term holds the day',
      { ...base, appealStatus: 'filed' as const, appealDueDate: '2026-03-09', appealFiledAt: new Date('2026-03-02T16:00:00Z') },
      { dueDate: '2026-03-17', extendedDueDate: null, fictaDueDate: '2026-03-31', appealDueDate: '2026-03-10' },
    ],
    // Filed on the declared day itself: its term is not counted again.
    [
      'an appeal filed after the day',
      { ...base, appealStatus: 'filed' as const, appealDueDate: '2026-03-11', appealFiledAt: new Date('2026-03-04T16:00:00Z') },
      { dueDate: '2026-03-17', extendedDueDate: null, fictaDueDate: '2026-03-31', appealDueDate: '2026-03-11' },
    ],
  ])('%s', (_name, c, expected) => {
    expect(recomputedTerms(c, '2026-03-03', clock, MINFIN)).toEqual(expected);
  });
});
