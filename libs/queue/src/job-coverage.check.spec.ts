import { missingHandlers } from './job-coverage.check';
import { allJobNames } from './queues';

describe('missingHandlers', () => {
  it('lists every declared job without a handler', () => {
    const all = allJobNames().map(({ queue, job }) => `${queue}/${job}`);
    expect(missingHandlers(new Set(all))).toEqual([]);
    expect(missingHandlers(new Set(all.slice(1)))).toEqual([all[0]]);
  });
});
