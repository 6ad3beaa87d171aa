import type { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { OpenDataQuery } from './open-data.dto';
import { MAX_CONCURRENT_EXPORTS, OpenDataService } from './open-data.service';

const clock = { now: () => new Date('2026-05-14T18:00:00Z') } as Clock;
const query = Object.assign(new OpenDataQuery(), { from: '2025-01-01', to: '2025-12-31' });
const response = () => ({ headersSent: false }) as unknown as Response;

function serviceWith(obtain: () => Promise<unknown>): OpenDataService {
  return new OpenDataService({ driver: { obtainSlaveConnection: obtain } } as unknown as DataSource, clock);
}

describe('OpenDataService', () => {
  it('turns away an export beyond the cap with 503 and Retry-After, without touching the pool', async () => {
    const obtain = jest.fn(() => new Promise(() => undefined)); // connections that never come: exports stay running
    const service = serviceWith(obtain);
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS; i++) void service.export(query, response());
    const refused = await service.export(query, response()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', headers: { 'Retry-After': '30' } });
    expect(obtain).toHaveBeenCalledTimes(MAX_CONCURRENT_EXPORTS);
  });

  it('fails like any request when the query fails before the first row, and discards the connection', async () => {
    const release = jest.fn();
    const client = {
      query: (stream: NodeJS.EventEmitter) => {
        setImmediate(() => stream.emit('error', new Error('relation "cases" does not exist')));
        return stream;
      },
    };
    const service = serviceWith(async () => [client, release]);
    await expect(service.export(query, response())).rejects.toThrow('relation "cases" does not exist');
    expect(release).toHaveBeenCalledWith(expect.any(Error));
    // The slot is free again.
    const again = service.export(query, response());
    await expect(again).rejects.toThrow('does not exist');
  });
});
