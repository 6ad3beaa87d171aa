import { EnvDto } from '@ventanilla/config';
import type { ModuleRef } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { RedisClient } from '../redis.provider';
import { Outbox } from './outbox';

/** An outbox over a database with `pending` rows waiting, counting its relay passes (one transaction each). */
function outboxWith(pending: number) {
  let left = pending;
  const passes: number[] = [];
  const tx = {
    query: jest.fn(async (sql: string) => {
      if (sql.startsWith('SELECT')) {
        const rows = Array.from({ length: left }, (_, i) => ({ id: String(i + 1), queue: 'mail', job_name: 'send-mail', job_id: null, payload: {}, run_at: null }));
        passes.push(rows.length);
        left = 0;
        return rows;
      }
      return [];
    }),
  };
  const dataSource = { transaction: jest.fn(async (work: (m: typeof tx) => Promise<unknown>) => work(tx)) } as unknown as DataSource;
  const queue = { addBulk: jest.fn(async () => []) };
  const moduleRef = { get: () => queue } as unknown as ModuleRef;
  const redis = { ping: async () => true } as unknown as RedisClient;
  const outbox = new Outbox(dataSource, moduleRef, redis, { OUTBOX_POLL_MS: 60_000 } as EnvDto);
  return { outbox, passes, queue, add: (n: number) => (left += n) };
}

describe('Outbox wake', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('the commits of one moment share one relay pass', async () => {
    const { outbox, passes, queue, add } = outboxWith(0);
    for (let i = 0; i < 5; i++) {
      add(1);
      outbox.wake();
    }
    expect(passes).toEqual([]);
    await jest.runOnlyPendingTimersAsync();
    expect(passes).toEqual([5]);
    expect(queue.addBulk).toHaveBeenCalledTimes(1);
    await outbox.onApplicationShutdown();
  });

  it('a wake still waiting when the process stops is relayed before it stops', async () => {
    const { outbox, passes, add } = outboxWith(0);
    add(2);
    outbox.wake();
    await outbox.onApplicationShutdown();
    expect(passes).toEqual([2]);
    outbox.wake();
    await jest.runOnlyPendingTimersAsync();
    expect(passes).toEqual([2]);
  });
});
