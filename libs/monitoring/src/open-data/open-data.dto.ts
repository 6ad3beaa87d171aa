import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PeriodQuery } from '../shared/period-query.dto';

export const OPEN_DATA_FORMATS = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export class OpenDataQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: OPEN_DATA_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(OPEN_DATA_FORMATS)
  format: OpenDataFormat = 'csv';
}
