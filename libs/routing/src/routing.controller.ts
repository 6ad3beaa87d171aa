import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FreeText } from '@ventanilla/http';
import { AnonymousWriteLimit, ROUTING_BY_ADDRESS } from '@ventanilla/throttling';
import { RoutingService } from './routing.service';

export class RoutingSuggestionsDto {
  @FreeText({ example: 'Presupuesto municipal de Patzún para 2026' })
  description: string;
}

@ApiTags('routing')
@Controller('routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Post('suggestions')
  @HttpCode(200)
  @AnonymousWriteLimit(ROUTING_BY_ADDRESS)
  @ApiOperation({ summary: 'Sujetos obligados probablemente competentes para una descripción, el mejor primero' })
  async suggestions(@Body() dto: RoutingSuggestionsDto) {
    return { items: await this.routing.suggest(dto.description) };
  }
}
