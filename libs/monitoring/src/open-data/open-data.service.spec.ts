import { PassThrough } from 'node:stream';
import type { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { OpenDataQuery } from './open-data.dto';
import { MAX_CONCURRENT_EXPORTS, OpenDataService } from './open-data.service';

const clock = { now: () => new Date('2026-05-14T18:00:00Z') } as Clock;
const query = Object.assign(new OpenDataQuery(), { from: '2025-01-01', to: '2025-12-31' });
const response = () => ({ headersSent: false }) as unknown as Response;

const config = { OPEN_DATA_STATEMENT_TIMEOUT_MS: 900_000 };

function serviceWith(obtain: () => Promise<unknown>): OpenDataService {
  return new OpenDataService({ driver: { obtainSlaveConnection: obtain } } as unknown as DataSource, clock, config);
}

/** A pg client whose plain statements succeed and whose cursor `cursor` decides. */
function clientWith(cursor: (stream: NodeJS.EventEmitter) => void, statements: unknown[][] = []) {
  return {
    query: (first: unknown, ...rest: unknown[]) => {
      if (typeof first === 'string') {
        statements.push([first, ...rest]);
        return Promise.resolve({ rows: [] });
      }
      statements.push(['cursor']);
      const stream = first as NodeJS.EventEmitter;
      setImmediate(() => cursor(stream));
      return stream;
    },
  };
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
    const client = clientWith((stream) => stream.emit('error', new Error('relation "cases" does not exist')));
    const service = serviceWith(async () => [client, release]);
    await expect(service.export(query, response())).rejects.toThrow('relation "cases" does not exist');
    expect(release).toHaveBeenCalledWith(expect.any(Error));
    // The slot is free again.
    const again = service.export(query, response());
    await expect(again).rejects.toThrow('does not exist');
  });

  it('gives its cursor the export\'s own statement limit, not the pool\'s, and restores the pool\'s before release', async () => {
    const statements: unknown[][] = [];
    const release = jest.fn();
    const client = clientWith((stream) => {
      (stream as unknown as { push(chunk: unknown): void }).push(null); // no rows: the stream ends at once
    }, statements);
    const res = Object.assign(new PassThrough(), { headersSent: false, status() { return this; }, set() { return this; } });
    res.resume();
    await serviceWith(async () => [client, release]).export(query, res as unknown as Response);
    expect(statements).toEqual([
      ["SELECT set_config('statement_timeout', $1, false)", ['900000']],
      ['cursor'],
      ['RESET statement_timeout'],
    ]);
    expect(release).toHaveBeenCalledWith(undefined);
  });
});
