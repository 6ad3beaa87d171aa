import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: '200 cuando la base de datos y Redis responden; 503 si no.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: { status: { type: 'string', enum: ['ok'] }, checks: { type: 'object', additionalProperties: { type: 'string', enum: ['up'] } } },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: details dice qué no responde (database, redis)' })
  check() {
    return this.health.check();
  }
}
