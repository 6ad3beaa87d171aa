import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto, listenError } from '@ventanilla/config';
import { errorBody } from '@ventanilla/http';
import { MailTransport } from '@ventanilla/mail';
import { createServer, Server } from 'node:http';
import { HealthService } from './health.service';

/**
 * The worker has no public HTTP; this port answers GET /health as the api does, plus SMTP:
 * while it fails the worker is `degraded` (200: mail waits and is retried), not down.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly health: HealthService,
    private readonly smtp: MailTransport,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, error: 'NOT_FOUND' }));
        return;
      }
      this.check().then(
        (ok) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ok)),
        (error: unknown) => {
          const { body, headers } = errorBody(error, 'es');
          res.writeHead(body.statusCode, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
        },
      );
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(listenError(error, 'WORKER_HEALTH_PORT', this.config.WORKER_HEALTH_PORT)));
      server.listen(this.config.WORKER_HEALTH_PORT, resolve);
    });
    this.logger.log(`Salud del worker en el puerto ${this.port()}`);
  }

  async check(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, string>; smtp?: { reason?: string; since?: string } }> {
    const { checks } = await this.health.check();
    const smtp = this.smtp.status();
    if (smtp.up) return { status: 'ok', checks: { ...checks, smtp: 'up' } };
    return { status: 'degraded', checks: { ...checks, smtp: 'down' }, smtp: { reason: smtp.reason, since: smtp.since?.toISOString() } };
  }

  port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
