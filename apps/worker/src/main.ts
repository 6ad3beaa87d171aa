import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { drainOnSignals, EnvDto, loadConfig } from '@ventanilla/config';
import { requireServices } from '@ventanilla/health';
import { WorkerModule } from './worker.module';

/** BullMQ processors; no public HTTP, only the health port. */
async function bootstrap(): Promise<void> {
  await requireServices(loadConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  drainOnSignals(app, 'El worker', { timeoutMs: app.get(EnvDto).SHUTDOWN_TIMEOUT_MS });
}

bootstrap().catch((error: unknown) => {
  console.error('El worker no pudo iniciar:', error instanceof Error ? error.message : error);
  process.exit(1);
});
