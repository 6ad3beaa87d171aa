import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EnvDto, loadConfig } from '@ventanilla/config';
import { configureApi } from '@ventanilla/http';
import Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ContractCheck, OpenApiDocument } from './contract-check';
import { SmtpCatcher, SmtpCatcherOptions } from './smtp-catcher';
import { cloneDatabase, databaseUrl, dropDatabase, uniqueName } from './test-database';

export interface TestEnvironment {
  config: EnvDto;
  /** The suite's database, reached directly (even when the apps go through a proxy). */
  databaseUrl: string;
  api: INestApplication;
  http: TestAgent;
  db: DataSource;
  smtp: SmtpCatcher;
  /** Every answer of the suite, checked against `/api/docs-json`; `stop()` fails the suite on a miss. */
  contract: ContractCheck;
  worker?: INestApplicationContext;
  /** Starts (another) worker process context against the same database and Redis. */
  startWorker(): Promise<INestApplicationContext>;
  stop(): Promise<void>;
}

export interface TestEnvironmentOptions {
  worker?: boolean;
  env?: Record<string, string>;
  smtp?: SmtpCatcherOptions;
  /** Rewrites the apps' DATABASE_URL (e.g. through a TcpProxy). */
  viaDatabase?: (url: string) => string;
}

/**
 * A suite's own world: a database cloned from the run's migrated template, a Redis key
 * prefix, an SMTP server in this process, and the real api (and worker) on top of them.
 */
export async function startTestEnvironment(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
  const template = process.env.VENTANILLA_TEST_TEMPLATE;
  const run = process.env.VENTANILLA_TEST_RUN;
  if (!template || !run) throw new Error('Las pruebas e2e se ejecutan con jest (global-setup crea la base plantilla)');
  const database = uniqueName(`ventanilla_t_${run}`);
  await cloneDatabase(template, database);
  const smtp = new SmtpCatcher(options.smtp);
  const smtpUrl = await smtp.start();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: options.viaDatabase ? options.viaDatabase(databaseUrl(database)) : databaseUrl(database),
    // A hash tag of its own, as production has (`{ventanilla}`): every key of the suite in one Cluster slot.
    REDIS_PREFIX: `{vt:${database}}`,
    SMTP_URL: smtpUrl,
    PORT: '0',
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '200',
    // Suites count their own cases right after filing them; the cache has its unit test.
    STATS_CACHE_SECONDS: '0',
    // Suites file many requests from one address and to one recipient; the limits' own suite
    // (test/http/anonymous-writes.e2e-spec.ts) runs with the real defaults.
    FILING_ADDRESS_LIMIT: '100000',
    FILING_RECIPIENT_DAILY_LIMIT: '100000',
    ROUTING_ADDRESS_LIMIT: '100000',
    SEARCH_ADDRESS_LIMIT: '100000',
    ...options.env,
  });

  const apiModule = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(EnvDto)
    .useValue(config)
    .compile();
  const api = apiModule.createNestApplication({ bodyParser: false, bufferLogs: true });
  configureApi(api, config);
  const contract = new ContractCheck();
  contract.record(api);
  await api.init();
  const http = request(api.getHttpServer());
  contract.load((await http.get('/api/docs-json').expect(200)).body as OpenApiDocument);

  const workers: INestApplicationContext[] = [];
  const startWorker = async () => {
    const workerModule = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(EnvDto)
      .useValue(config)
      .compile();
    // A compiled testing module is itself an application context, as the worker's main creates.
    workerModule.useLogger(workerModule.get(Logger));
    await workerModule.init();
    workers.push(workerModule);
    return workerModule;
  };
  const worker = options.worker ? await startWorker() : undefined;

  return {
    config,
    databaseUrl: databaseUrl(database),
    api,
    http,
    contract,
    db: api.get(DataSource),
    smtp,
    worker,
    startWorker,
    async stop() {
      for (const w of workers) await w.close();
      await api.close();
      await smtp.stop();
      await clearRedisPrefix(config.REDIS_URL, `${config.REDIS_PREFIX}:`);
      await dropDatabase(database);
      contract.assertClean();
    },
  };
}

/** Deletes every key under a prefix (a suite's or a bench's own). */
export async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
