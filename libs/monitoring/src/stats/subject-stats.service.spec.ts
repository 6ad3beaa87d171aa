import { Clock, loadConfig } from '@ventanilla/config';
import type { ReadReplica } from '@ventanilla/database';
import { SubjectStatsQuery } from './subject-stats.dto';
import { SubjectStatsService } from './subject-stats.service';

/** A replica that counts the aggregate queries it answers (no rows: the figures are not under test here). */
function replica() {
  const calls: string[] = [];
  const fake = {
    query: jest.fn(async (sql: string) => {
      if (sql.includes('GROUP BY s.code')) calls.push(sql);
      return [];
    }),
  };
  return { replica: fake as unknown as ReadReplica, aggregates: () => calls.length };
}

const query = (over: Partial<SubjectStatsQuery> = {}) => Object.assign(new SubjectStatsQuery(), over);

describe('per-subject statistics reuse', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the same question within STATS_CACHE_SECONDS from one count, shared by concurrent calls', async () => {
    jest.useFakeTimers({ now: new Date('2026-06-10T15:00:00Z') });
    const { replica: db, aggregates } = replica();
    const stats = new SubjectStatsService(db, new Clock(), loadConfig({ STATS_CACHE_SECONDS: '60' }));
    await Promise.all([stats.bySubject(query()), stats.bySubject(query())]);
    await stats.bySubject(query());
    expect(aggregates()).toBe(1);
    // Another question is counted on its own.
    await stats.bySubject(query({ sector: 'municipal' }));
    await stats.bySubject(query(), 'MINFIN');
    expect(aggregates()).toBe(3);
    // Past the setting, counted again (in the background: the next test).
    jest.setSystemTime(new Date('2026-06-10T15:01:01Z'));
    await stats.bySubject(query());
    expect(aggregates()).toBe(4);
  });

  it('past the setting, answers at once with the figures counted last while one recount runs; past twice the setting, waits for a new count', async () => {
    jest.useFakeTimers({ now: new Date('2026-06-10T15:00:00Z') });
    // Each aggregate answers one more case received than the one before, so an answer tells which count it came from.
    let counts = 0;
    let release: (() => void) | undefined;
    const db = {
      query: jest.fn(async (sql: string) => {
        if (!sql.includes('GROUP BY s.code')) return [];
        const n = ++counts;
        if (n === 2) await new Promise<void>((resolve) => (release = resolve));
        return [{ code: 'MINFIN', name: 'Ministerio de Finanzas Públicas', reachable: true, received: n }];
      }),
    } as unknown as ReadReplica;
    const stats = new SubjectStatsService(db, new Clock(), loadConfig({ STATS_CACHE_SECONDS: '60' }));
    const received = async () => (await stats.bySubject(query())).items[0].received;
    expect(await received()).toBe(1);
    jest.setSystemTime(new Date('2026-06-10T15:01:01Z'));
    // Stale: the old figures at once, and one recount for both calls (held until released).
    expect(await received()).toBe(1);
    expect(await received()).toBe(1);
    expect(counts).toBe(2);
    release!();
    await jest.advanceTimersByTimeAsync(0);
    expect(await received()).toBe(2);
    expect(counts).toBe(2);
    // Nobody asked for more than twice the setting: the next call waits for a fresh count.
    jest.setSystemTime(new Date('2026-06-10T15:03:02Z'));
    expect(await received()).toBe(3);
  });

  it('counts every call with STATS_CACHE_SECONDS=0, and never keeps a failed count', async () => {
    const { replica: db, aggregates } = replica();
    const off = new SubjectStatsService(db, new Clock(), loadConfig({ STATS_CACHE_SECONDS: '0' }));
    await off.bySubject(query());
    await off.bySubject(query());
    expect(aggregates()).toBe(2);

    let fail = true;
    const flaky = {
      query: jest.fn(async () => {
        if (fail) throw new Error('replica caída');
        return [];
      }),
    } as unknown as ReadReplica;
    const cached = new SubjectStatsService(flaky, new Clock(), loadConfig({ STATS_CACHE_SECONDS: '60' }));
    await expect(cached.bySubject(query())).rejects.toThrow('replica caída');
    fail = false;
    await expect(cached.bySubject(query())).resolves.toMatchObject({ items: [] });
  });
});
