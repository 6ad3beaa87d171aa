import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { errorBody } from '@ventanilla/http';
import { createServer, Server } from 'node:http';
import { HealthService } from './health.service';

/** The worker has no public HTTP; this port answers GET /health the same way the api does. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly health: HealthService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, error: 'NOT_FOUND' }));
        return;
      }
      this.health.check().then(
        (ok) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ok)),
        (error: unknown) => {
          const { body } = errorBody(error, 'es');
          res.writeHead(body.statusCode, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.WORKER_HEALTH_PORT, resolve));
    this.logger.log(`Salud del worker en el puerto ${this.port()}`);
  }

  port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
