import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Job } from 'bullmq';
import { JobHandlers, OnJob } from './job-handler';
import { QUEUES } from './queues';

@Injectable()
class Prunes {
  @OnJob({ queue: QUEUES.housekeeping.name, job: QUEUES.housekeeping.jobs.prune })
  async prune(data: { days: number }, job: Job): Promise<string> {
    return `${data.days} ${job.name} ${this.constructor.name}`;
  }

  /** Not a handler: no @OnJob. */
  async other(): Promise<void> {}
}

@Injectable()
class AlsoPrunes {
  @OnJob({ queue: QUEUES.housekeeping.name, job: QUEUES.housekeeping.jobs.prune })
  async prune(): Promise<void> {}
}

async function handlersOf(...providers: (new (...args: never[]) => unknown)[]): Promise<JobHandlers> {
  const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [JobHandlers, ...providers] }).compile();
  return module.get(JobHandlers);
}

const job = (name: string, data: unknown) => ({ name, data }) as Job;

describe('JobHandlers (@OnJob)', () => {
  it('finds each @OnJob method beside its service and runs it with the job data, bound to the service', async () => {
    const handlers = await handlersOf(Prunes);
    expect([...handlers.handled()]).toEqual(['housekeeping/prune']);
    await expect(handlers.handle('housekeeping', job('prune', { days: 7 }))).resolves.toBe('7 prune Prunes');
  });

  it('fails loudly on a job nobody handles', async () => {
    const handlers = await handlersOf(Prunes);
    await expect(handlers.handle('housekeeping', job('otro', {}))).rejects.toThrow('Sin procesador para el trabajo housekeeping/otro');
  });

  it('refuses two handlers for one job', async () => {
    const handlers = await handlersOf(Prunes, AlsoPrunes);
    expect(() => handlers.handled()).toThrow('Dos procesadores para el trabajo housekeeping/prune');
  });
});
