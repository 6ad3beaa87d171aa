import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OPEN_DATA_COLUMNS } from './open-data-columns';
import { OpenDataQuery } from './open-data.dto';
import { OpenDataService } from './open-data.service';

@ApiTags('monitoring')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('cases')
  @ApiOperation({
    summary: 'Datos abiertos: todos los casos recibidos en el período, anonimizados (CSV o JSON, en flujo)',
    description:
      'Casos con received_on en [from, to] (America/Guatemala), del más antiguo al más reciente. Sin nombre ni contactos del ' +
      'requirente, sin código de acceso y sin textos libres (descripción, resolución, prórroga, recurso), que pueden ' +
      'contener datos personales; con folio e id, que enlazan cada fila con su registro público. ' +
      'CSV (RFC 4180, UTF-8 sin BOM, encabezados iguales a los campos JSON) o un arreglo JSON. ' +
      `Columnas: ${OPEN_DATA_COLUMNS.map((c) => `${c.name} (${c.description})`).join('; ')}.`,
  })
  @ApiOkResponse({
    description: 'El archivo, transmitido a medida que se lee',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/json': {
        schema: {
          type: 'array',
          items: {
            type: 'object',
            required: OPEN_DATA_COLUMNS.map((c) => c.name),
            properties: Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.name, { description: c.description }])),
          },
        },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: fechas inválidas, to antes de from, más de 10 años, format distinto de csv o json' })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: demasiadas descargas simultáneas (Retry-After)' })
  async cases(@Query() query: OpenDataQuery, @Res() res: Response): Promise<void> {
    await this.openData.export(query, res);
  }
}
