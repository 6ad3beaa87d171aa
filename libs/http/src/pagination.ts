import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Past this, an offset is a mistake (and PostgreSQL would refuse it with an error, not a 4xx). */
export const MAX_OFFSET = 1_000_000_000;

/** The `offset` query parameter of every paginated list. */
export function OffsetField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_OFFSET),
  );
}
