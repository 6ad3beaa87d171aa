import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDateOf } from '@ventanilla/calendar';
import { Clock, EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import type { Response } from 'express';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { resolvePeriod } from '../shared/period';
import { PUBLIC_CACHE_CONTROL } from '../shared/public-cache';
import { OPEN_DATA_COLUMNS, OPEN_DATA_SQL } from './open-data-columns';
import { CsvRowEncoder, JsonRowEncoder } from './open-data-encoders';
import { OpenDataQuery } from './open-data.dto';

/**
 * An export holds a database connection for as long as the client reads (seconds for a million
 * rows): a few at a time per process leave the pool to everyone else.
 */
export const MAX_CONCURRENT_EXPORTS = 3;
/** Rows fetched from the cursor per round trip. */
const CURSOR_BATCH = 2000;

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/**
 * Streams every case of a period from a server-side cursor (pg-query-stream) through an encoder
 * to the response, with backpressure end to end: memory stays flat whatever the row count.
 */
@Injectable()
export class OpenDataService {
  private readonly logger = new Logger(OpenDataService.name);
  private running = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: Pick<EnvDto, 'OPEN_DATA_STATEMENT_TIMEOUT_MS'>,
  ) {}

  async export(query: OpenDataQuery, res: Response): Promise<void> {
    const today = localDateOf(this.clock.now());
    const { from, to } = resolvePeriod(query, today);
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw new AppError('SERVICE_UNAVAILABLE', {
        es: 'Hay demasiadas descargas de datos abiertos en curso. Intente de nuevo en un momento.',
        en: 'Too many open-data downloads are running. Try again shortly.',
      }).withHeaders({ 'Retry-After': '30' });
    }
    this.running += 1;
    let release: (error?: unknown) => void = () => undefined;
    let failure: unknown;
    let limitRaised = false;
    let client: PoolClient | undefined;
    try {
      // DATABASE_READ_URL's replica when set (TypeORM replication's read pool), the primary otherwise.
      const [obtained, releaseClient] = (await (this.db.driver as PostgresDriver).obtainSlaveConnection()) as [PoolClient, (error?: unknown) => void];
      client = obtained;
      release = releaseClient;
      // The pool's statement limit would cut a long download midway: this connection gets the export's own, until released.
      await client.query(`SELECT set_config('statement_timeout', $1, false)`, [String(this.config.OPEN_DATA_STATEMENT_TIMEOUT_MS)]);
      limitRaised = true;
      const rows = client.query(new QueryStream(OPEN_DATA_SQL, [from, to, today], { batchSize: CURSOR_BATCH, rowMode: 'array' }));
      // Wait for the first batch before committing to a 200: a failing query still gets the contract's error body.
      await once(rows, 'readable');
      const columns = OPEN_DATA_COLUMNS.map((c) => c.name);
      const encoder = query.format === 'json' ? new JsonRowEncoder(columns) : new CsvRowEncoder(columns);
      res.status(200).set({
        'Content-Type': CONTENT_TYPES[query.format],
        'Content-Disposition': `attachment; filename="casos-${from}-${to}.${query.format}"`,
        'Cache-Control': PUBLIC_CACHE_CONTROL,
        'X-Content-Type-Options': 'nosniff',
      });
      await pipeline(rows, encoder, res);
    } catch (error) {
      failure = error;
      if (!res.headersSent) throw error;
      // Mid-stream the status is gone; the cut connection tells the client the file is incomplete.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error({ err: error }, 'La exportación de datos abiertos se interrumpió');
      }
    } finally {
      this.running -= 1;
      // Back to the pool's own limit before the next caller; if that fails, the connection is discarded instead.
      if (limitRaised && !failure) failure = await client?.query('RESET statement_timeout').then(() => undefined, (error: unknown) => error);
      // A connection left mid-cursor is discarded rather than handed to the next caller.
      release(failure);
    }
  }
}
