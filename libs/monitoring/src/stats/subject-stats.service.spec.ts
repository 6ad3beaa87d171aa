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
    // Past the setting, counted again.
    jest.setSystemTime(new Date('2026-06-10T15:01:01Z'));
    await stats.bySubject(query());
    expect(aggregates()).toBe(4);
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
