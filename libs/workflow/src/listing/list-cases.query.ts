import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus } from '@ventanilla/cases';
import { OffsetField } from '@ventanilla/http';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Abiertos y con el plazo que aplica vencido (o lo contrario)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

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
