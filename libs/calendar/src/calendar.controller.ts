import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { AppError } from '@ventanilla/http';
import { parseInstant } from './calendar-input';
import { DeadlineQuery, DeadlineView } from './deadline.dto';
import { DeadlineService } from './deadline.service';
import {
  DeclaredNonBusinessDayView,
  DeclareNonBusinessDayDto,
  NonBusinessDayParams,
  NonBusinessDaysQuery,
  NonBusinessDayView,
  RemoveNonBusinessDayQuery,
} from './non-business-days.dto';
import { NonBusinessDaysService } from './non-business-days.service';
import { SubjectCalendarSettingsView, UpdateSubjectCalendarDto } from './subject-calendar-settings.dto';
import { SubjectCalendarSettingsService } from './subject-calendar-settings.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly deadlines: DeadlineService,
    private readonly nonBusinessDays: NonBusinessDaysService,
    private readonly settings: SubjectCalendarSettingsService,
  ) {}

  @Get('deadline')
  @ApiOperation({ summary: 'Plazos que tendría un caso recibido en ese instante por ese sujeto obligado' })
  @ApiOkResponse({ type: DeadlineView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: receivedAt sin zona horaria o inválido, subject ausente' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  async deadline(@Query() query: DeadlineQuery): Promise<DeadlineView> {
    const receivedAt = parseInstant(query.receivedAt);
    // The DTO already checked it; this only narrows the type.
    if (!receivedAt) throw new AppError('VALIDATION_FAILED');
    return this.deadlines.preview(receivedAt, query.subject);
  }

  @Get('non-business-days')
  @ApiOperation({
    summary: 'Asuetos y días declarados inhábiles de un año',
    description:
      'Feriados nacionales (holiday; 24 y 31 de diciembre como half_day) y días declarados para todos (declared); ' +
      'con subject, también sus asuetos locales (local_holiday) y los días declarados solo para él. ' +
      'Ordenados por fecha; sábados y domingos ordinarios no se listan. year por defecto: el año en curso en Guatemala.',
  })
  @ApiOkResponse({ type: NonBusinessDayView, isArray: true })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  list(@Query() query: NonBusinessDaysQuery): Promise<NonBusinessDayView[]> {
    return this.nonBusinessDays.list(query.year, query.subject);
  }

  @Post('non-business-days')
  @Staff('admin')
  @ApiOperation({
    summary: 'Declara un día inhábil, para todos o para un sujeto obligado',
    description: 'Los plazos calculados desde ese momento ya lo saltan.',
  })
  @ApiCreatedResponse({ type: DeclaredNonBusinessDayView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: fecha inexistente, nombre sin caracteres visibles o de más de 2000, subjectCode desconocido' })
  @ApiConflictResponse({ description: 'CONFLICT: ese día ya está declarado para el mismo alcance' })
  async declare(@Body() dto: DeclareNonBusinessDayDto, @CurrentUser() actor: StaffUser): Promise<DeclaredNonBusinessDayView> {
    const row = await this.nonBusinessDays.declare(dto, actor);
    return { date: row.date, name: row.name, kind: 'declared', subjectCode: row.subjectCode };
  }

  @Delete('non-business-days/:date')
  @HttpCode(204)
  @Staff('admin')
  @ApiOperation({
    summary: 'Quita un día declarado inhábil por error, si aún no ha llegado',
    description:
      'Solo desde mañana en Guatemala: un día que ya empezó ya contó en los plazos. Sin subject, el día declarado para todos; ' +
      'con subject, el declarado solo para ese sujeto obligado. Los plazos de los casos abiertos se recalculan, como al declararlo.',
  })
  @ApiNoContentResponse({ description: 'Quitado (queda en la bitácora como calendar.non_business_day_removed)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: fecha inexistente o fuera de los años aceptados, subject vacío o de más de 40' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: ese día no está declarado inhábil para ese alcance' })
  @ApiConflictResponse({ description: 'CONFLICT: el día ya llegó o pasó' })
  async remove(@Param() params: NonBusinessDayParams, @Query() query: RemoveNonBusinessDayQuery, @CurrentUser() actor: StaffUser): Promise<void> {
    await this.nonBusinessDays.removeOn(params.date, query.subject ?? null, actor);
  }

  @Get('subjects/:code')
  @ApiOperation({ summary: 'Calendario propio de un sujeto obligado: sábados y hora de cierre' })
  @ApiOkResponse({ type: SubjectCalendarSettingsView })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  getSettings(@Param('code') code: string): Promise<SubjectCalendarSettingsView> {
    return this.settings.get(code);
  }

  @Patch('subjects/:code')
  @Staff('admin')
  @ApiOperation({
    summary: 'Cambia si un sujeto obligado trabaja los sábados o su hora de cierre',
    description: 'Los plazos de sus casos abiertos se recalculan (como con un día inhábil declarado); la fecha de recepción no cambia.',
  })
  @ApiOkResponse({ type: SubjectCalendarSettingsView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el sujeto obligado' })
  updateSettings(
    @Param('code') code: string,
    @Body() dto: UpdateSubjectCalendarDto,
    @CurrentUser() actor: StaffUser,
  ): Promise<SubjectCalendarSettingsView> {
    return this.settings.update(code, dto, actor);
  }
}
