import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OffsetField } from '@ventanilla/http';
import { CaseSchema } from '@ventanilla/cases';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const OVERDUE_MAX_LIMIT = 500;

export class OverdueQuery {
  @ApiPropertyOptional({ example: 'MUNI-0407', description: 'Solo los casos de este sujeto obligado; sin él, los de todos' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(1, 40)
  subject?: string;

  @ApiPropertyOptional({ default: 100, maximum: OVERDUE_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OVERDUE_MAX_LIMIT)
  limit = 100;

  @OffsetField()
  offset = 0;
}

export class OverdueView {
  @ApiProperty({
    type: [CaseSchema],
    description:
      'Casos abiertos (received, clarification_requested, extended) cuyo plazo —el prorrogado, si lo hubo— terminó antes de hoy ' +
      '(America/Guatemala), en la vista pública de `Case` (sin datos del requirente), del plazo más antiguo al más reciente',
  })
  items: CaseSchema[];

  @ApiProperty({ description: 'Total de casos vencidos con ese filtro (items es una página de ellos)' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
