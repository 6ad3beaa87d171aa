import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ReadReplica } from '@ventanilla/database';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly replica: ReadReplica,
  ) {}

  @Get()
  @ApiOperation({
    summary: '200 cuando la base de datos y Redis responden; 503 si no.',
    description:
      'Con réplica de lectura (DATABASE_READ_URL), checks.replica dice si responde. Una réplica caída no es una API caída: ' +
      'la respuesta sigue siendo 200, con status "degraded" (las estadísticas, el informe anual y los datos abiertos responden 503 mientras tanto).',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { type: 'string', enum: ['ok', 'degraded'] },
        checks: { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } },
      },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: details dice qué no responde (database, redis)' })
  async check(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, string> }> {
    const [ready, replica] = await Promise.all([this.health.check(), this.replica.state()]);
    if (!replica) return ready;
    return { status: replica === 'up' ? 'ok' : 'degraded', checks: { ...ready.checks, replica } };
  }
}
