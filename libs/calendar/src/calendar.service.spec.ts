import { EnvDto, loadConfig } from '@ventanilla/config';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service';

/** A manager that sees one revision and one set of declared days, and counts the calendar loads. */
function snapshot(revision: string, declared: string[], loads: { count: number }): EntityManager {
  return {
    query: async (sql: string) => {
      if (sql.includes('calendar_revision')) return [{ revision }];
      if (sql.includes('non_business_days')) {
        loads.count++;
        await new Promise((resolve) => setImmediate(resolve));
        return declared.map((date) => ({ date, name: 'Asueto', subjectCode: null }));
      }
      return [];
    },
  } as unknown as EntityManager;
}

describe('CalendarService cache', () => {
  const config: EnvDto = loadConfig({});
  const loads = { count: 0 };
  const committed = snapshot('7', [], loads);
  let service: CalendarService;

  beforeEach(() => {
    loads.count = 0;
    service = new CalendarService({ manager: committed } as unknown as DataSource, config);
  });

  it('loads a revision once for every transaction that sees it, and for concurrent calls', async () => {
    const transactions = Array.from({ length: 5 }, () => snapshot('7', [], loads));
    const answers = await Promise.all([...transactions, committed].map((tx) => service.current(tx)));
    expect(loads.count).toBe(1);
    for (const a of answers) expect(a).toBe(answers[0]);
    await service.current(snapshot('7', [], loads));
    expect(loads.count).toBe(1);
  });

  it('answers the revision the caller sees: a newer one after a change, its own inside the changing transaction', async () => {
    const before = await service.current();
    expect(before.calendar.isBusinessDay('2026-03-03', { code: 'X', worksSaturdays: false, closingTime: '16:00' })).toBe(true);
    // The transaction that declares a day sees its revision (uncommitted) and its day.
    const declaring = snapshot('8', ['2026-03-03'], loads);
    const inside = await service.current(declaring);
    expect(inside.revision).toBe('8');
    expect(inside.calendar.isBusinessDay('2026-03-03', { code: 'X', worksSaturdays: false, closingTime: '16:00' })).toBe(false);
    // A transaction that still sees revision 7 gets 7, never 8; once 8 is visible, never 7 again.
    expect((await service.current(snapshot('7', [], loads))).revision).toBe('7');
    expect((await service.current(snapshot('8', ['2026-03-03'], loads))).revision).toBe('8');
    expect(loads.count).toBe(2);
  });
});
