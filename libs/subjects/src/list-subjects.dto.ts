import { ApiPropertyOptional } from '@nestjs/swagger';
import { OffsetField } from '@ventanilla/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Sector, SECTORS } from './subject.entity';

export class ListSubjectsQuery {
  @ApiPropertyOptional({ description: 'Texto a buscar en nombres, sin distinguir mayúsculas ni tildes' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ example: '04' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  departmentCode?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @OffsetField()
  offset = 0;
}
