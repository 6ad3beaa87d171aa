import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PUBLIC_CACHE_CONTROL } from '../shared/public-cache';
import { AnnualReport } from './annual-report';
import { annualReportCsv, annualReportFilename } from './annual-report.csv';
import { AnnualReportQuery, AnnualReportView } from './annual-report.dto';
import { AnnualReportService } from './annual-report.service';

@ApiTags('monitoring')
@Controller('reports')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get('annual')
  @ApiOperation({
    summary: 'Informe anual del Art. 48 LAIP de un sujeto obligado (JSON, o CSV con Accept: text/csv)',
    description:
      'Casos recibidos por el sujeto obligado en el año (received_on del 1 de enero al 31 de diciembre, America/Guatemala), ' +
      'con su estado a la fecha asOf. El CSV (UTF-8 con BOM, encabezados en español, una fila por numeral y medida) ' +
      'es el que la UIP entrega al PDH.',
  })
  @ApiExtraModels(AnnualReportView)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportView) } },
      'text/csv': { schema: { type: 'string', description: 'Numeral, Rubro, Medida, Valor' } },
    },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: subject ausente, year no entero, anterior a 2008 o posterior al año en curso' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  async annual(
    @Query() query: AnnualReportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnnualReport | string> {
    const report = await this.reports.report(query.subject, query.year);
    res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
    res.setHeader('Vary', 'Accept');
    // `*/*` and JSON-first clients get JSON; only a client that prefers CSV gets CSV.
    const format = query.format ?? (req.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');
    if (format === 'json') return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${annualReportFilename(report)}"`);
    return annualReportCsv(report);
  }
}
