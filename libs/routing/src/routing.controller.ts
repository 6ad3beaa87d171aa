import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsString, Length } from 'class-validator';
import { RoutingService } from './routing.service';

export class RoutingSuggestionsDto {
  @ApiProperty({ minLength: 3, maxLength: 10000, example: 'Presupuesto municipal de Patzún para 2026' })
  @IsDefined()
  @IsString()
  @Length(3, 10000)
  description: string;
}

@ApiTags('routing')
@Controller('routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Post('suggestions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sujetos obligados probablemente competentes para una descripción, el mejor primero' })
  async suggestions(@Body() dto: RoutingSuggestionsDto) {
    return { items: await this.routing.suggest(dto.description) };
  }
}
