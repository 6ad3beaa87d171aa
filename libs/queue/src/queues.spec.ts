import { allJobNames, bulkJob, QUEUES } from './queues';

describe('QUEUES', () => {
  it("keeps the watch's stored queue name and job names: running deployments hold them in Redis and in the outbox", () => {
    expect(QUEUES.watch.name).toBe('deadlines');
    expect(allJobNames().filter((j) => j.queue === 'deadlines').map((j) => j.job).sort()).toEqual(
      ['milestone', 'pdh-digest', 'recompute-terms', 'subject-digest', 'sweep', 'top-up-milestones', 'unschedule-milestones'],
    );
  });
});

describe('bulkJob', () => {
  it('keeps finished milestone jobs an hour, not the week of the defaults: they are most of Redis', () => {
    const { opts } = bulkJob(QUEUES.watch.name, QUEUES.watch.jobs.milestone, {}, 'ms-x', null);
    expect(opts).toEqual({ removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600, count: 10_000 }, jobId: 'ms-x', delay: undefined });
  });

  it('leaves every other job to the defaults, and waits until its instant', () => {
    const runAt = new Date(Date.now() + 60_000);
    const { name, opts } = bulkJob(QUEUES.mail.name, QUEUES.mail.jobs.send, { a: 1 }, 'mail-1', runAt);
    expect(name).toBe('send-mail');
    expect(Object.keys(opts).sort()).toEqual(['delay', 'jobId']);
    expect(opts.delay).toBeGreaterThan(55_000);
    expect(bulkJob(QUEUES.mail.name, QUEUES.mail.jobs.send, {}, 'm', new Date(0)).opts.delay).toBe(0);
  });
});
