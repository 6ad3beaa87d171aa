import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FreeText } from '@ventanilla/http';
import { AddressLimit, ROUTING_BY_ADDRESS } from '@ventanilla/throttling';
import { RoutingAnswer, RoutingService } from './routing.service';

export class RoutingSuggestionsDto {
  @FreeText({ example: 'Presupuesto municipal de Patzún para 2026' })
  description: string;
}

class RoutingSubjectView {
  @ApiProperty({ example: 'MUNI-0407' }) code: string;
  @ApiProperty({ example: 'Municipalidad de Patzún' }) name: string;
  @ApiProperty({ example: 'Patzún' }) shortName: string;
  @ApiProperty({ enum: ['executive', 'legislative', 'judicial', 'municipal', 'autonomous', 'decentralized', 'other'] }) sector: string;
  @ApiProperty({ type: String, nullable: true, example: '04' }) departmentCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Chimaltenango' }) department: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0407' }) municipalityCode: string | null;
  @ApiProperty() active: boolean;
}

class RoutingSuggestionView {
  @ApiProperty({ type: RoutingSubjectView }) subject: RoutingSubjectView;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.72,
    description: 'Comparable entre descripciones: 1 para un sujeto nombrado, por debajo de 0.33 una suposición débil',
  })
  score: number;

  @ApiProperty({
    enum: ['name', 'topic', 'place'],
    description:
      'Por qué se sugiere: name (la descripción nombra al sujeto: su nombre o sus siglas), ' +
      'topic (sus competencias corresponden al tema), place (municipalidad o gobernación del lugar que la descripción nombra)',
  })
  reason: 'name' | 'topic' | 'place';
}

class RoutingAnswerView {
  @ApiProperty({ type: RoutingSuggestionView, isArray: true, description: 'El mejor primero; a lo sumo 10' })
  items: RoutingSuggestionView[];

  @ApiProperty({ enum: ['high', 'low'], description: 'low: ninguna sugerencia alcanza el umbral de confianza (0.33)' })
  confidence: 'high' | 'low';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Con confianza baja, una indicación en español de adónde acudir; null en otro caso',
    example: 'No estamos seguros de qué institución es la competente: puede enviarla a la PDH para orientación.',
  })
  hint: string | null;
}

@ApiTags('routing')
@Controller('routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Post('suggestions')
  @HttpCode(200)
  @AddressLimit(ROUTING_BY_ADDRESS)
  @ApiOperation({
    summary: 'Sujetos obligados probablemente competentes para una descripción, el mejor primero',
    description:
      'Dos señales: el tema (competencias de cada institución, con raíces del español y sinónimos) y el lugar ' +
      '(municipio o departamento nombrado). Un sujeto nombrado por su nombre o siglas va primero; un lugar nunca deja ' +
      'fuera de los tres primeros a la mejor coincidencia por tema.',
  })
  @ApiOkResponse({ type: RoutingAnswerView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: description ausente, no es texto, sin caracteres visibles o de más de 10,000 caracteres' })
  suggestions(@Body() dto: RoutingSuggestionsDto): Promise<RoutingAnswer> {
    return this.routing.suggest(dto.description);
  }
}
