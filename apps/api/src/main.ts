import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { drainOnSignals, EnvDto, listenError, loadConfig } from '@ventanilla/config';
import { requireServices } from '@ventanilla/health';
import { configureApi } from '@ventanilla/http';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  await requireServices(loadConfig());
  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  const config = app.get(EnvDto);
  configureApi(app, config);
  await app.listen(config.PORT).catch((error: unknown) => {
    throw listenError(error, 'PORT', config.PORT);
  });
  drainOnSignals(app, 'La API', { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, httpServer: app.getHttpServer() });
  app.get(Logger).log(`API lista en http://localhost:${config.PORT} (documentación en /api/docs)`, 'Api');
}

bootstrap().catch((error: unknown) => {
  console.error('La API no pudo iniciar:', error instanceof Error ? error.message : error);
  process.exit(1);
});
