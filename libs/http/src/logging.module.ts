import { Module, RequestMethod } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Structured JSON logs; each HTTP request carries an id (X-Request-Id in and out). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [EnvDto],
      useFactory: (config: EnvDto) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          // Access codes and tokens never reach the logs.
          redact: ['req.headers["x-access-code"]', 'req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
