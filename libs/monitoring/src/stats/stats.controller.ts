import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_CACHE_CONTROL } from '../shared/public-cache';
import { OverdueQuery, OverdueView } from './overdue.dto';
import { OverdueService } from './overdue.service';
import { SubjectStatsQuery, SubjectStatsView } from './subject-stats.dto';
import { SubjectStatsService } from './subject-stats.service';

@ApiTags('monitoring')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: SubjectStatsService,
    private readonly overdue: OverdueService,
  ) {}

  @Get('subjects')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({
    summary: 'Cifras de cumplimiento por sujeto obligado (público, sin datos personales)',
    description:
      'Un elemento por sujeto obligado con al menos un caso recibido en el período (received_on en [from, to], America/Guatemala). ' +
      'open: received, clarification_requested o extended; overdue: abierto y con el plazo aplicable vencido antes de hoy; ' +
      'resolved/resolvedOnTime/resolvedLate: status resolved y resolution.onTime; extended: con prórroga concedida; ' +
      'transferred: status transferred (trasladados a otro sujeto); appeals: con recurso de revisión; ' +
      'medianBusinessDays/p90BusinessDays: percentil 50/90 continuo de días hábiles de los resueltos, un decimal, null sin resueltos; ' +
      'byResolution: resueltos por tipo, todos los tipos presentes. Orden: sort=code (por defecto) o sort=received (descendente).',
  })
  @ApiOkResponse({ type: SubjectStatsView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: fechas inválidas, to antes de from, más de 10 años, sector o departmentCode inválido' })
  subjects(@Query() query: SubjectStatsQuery): Promise<SubjectStatsView> {
    return this.stats.bySubject(query);
  }

  @Get('overdue')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({
    summary: 'Casos abiertos con el plazo vencido, en su vista pública',
    description: 'Ordenados por term_due_date (el plazo más antiguo primero); paginados con limit (máx. 500) y offset.',
  })
  @ApiOkResponse({ type: OverdueView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  overdueCases(@Query() query: OverdueQuery) {
    return this.overdue.list(query);
  }
}
