import { Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisClient } from '@ventanilla/queue';
import { AppError } from '@ventanilla/http';

const RETRY_AFTER_SECONDS = 5;

/** Database and Redis checks shared by the api's /health and the worker's health port. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  async check(): Promise<{ status: 'ok'; checks: Record<string, string> }> {
    try {
      await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        async () => {
          const session = this.indicators.check('redis');
          return (await this.redis.ping()) ? session.up() : session.down();
        },
      ]);
      return { status: 'ok', checks: { database: 'up', redis: 'up' } };
    } catch (error) {
      const result = (error as { response?: { error?: Record<string, unknown> } }).response;
      const down = Object.keys(result?.error ?? {});
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        { es: `Servicio no disponible: ${down.join(', ')} sin respuesta.`, en: `Service unavailable: ${down.join(', ')} not answering.` },
        down.map((field) => ({ field, message: 'sin respuesta' })),
      ).withHeaders({ 'Retry-After': String(RETRY_AFTER_SECONDS) });
    }
  }
}
