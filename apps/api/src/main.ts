import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EnvDto } from '@ventanilla/config';
import { configureApi } from '@ventanilla/http';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  const config = app.get(EnvDto);
  configureApi(app, config);
  await app.listen(config.PORT);
}

bootstrap().catch((error: unknown) => {
  console.error('La API no pudo iniciar:', error instanceof Error ? error.message : error);
  process.exit(1);
});
