import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus, Channel, CHANNELS } from '@ventanilla/cases';
import { OffsetField } from '@ventanilla/http';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Abiertos y con el plazo que aplica vencido (o lo contrario)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Solo los abiertos (recibidos, con aclaración pedida o prorrogados), o solo los cerrados' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Por dónde llegó la solicitud' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ maxLength: 200, example: 'presupuesto', description: 'Texto en la descripción de la solicitud (sin distinguir mayúsculas ni tildes)' })
  @IsOptional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'MINFIN', description: 'Oficiales y máximas autoridades solo ven su propio sujeto obligado' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9-]{1,40}$/)
  subject?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @OffsetField()
  offset = 0;
}
