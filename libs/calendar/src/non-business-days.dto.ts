import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FreeText } from '@ventanilla/http';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, IsCalendarDate } from './calendar-input';
import { NonBusinessKind } from './law';

const NON_BUSINESS_KINDS: readonly NonBusinessKind[] = ['holiday', 'half_day', 'local_holiday', 'declared'];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class NonBusinessDaysQuery {
  @ApiPropertyOptional({
    description: `Año (${CALENDAR_MIN_YEAR}-${CALENDAR_MAX_YEAR}); por defecto, el año en curso en America/Guatemala`,
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CALENDAR_MIN_YEAR)
  @Max(CALENDAR_MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({
    description: 'Código del sujeto obligado: añade sus asuetos locales y los días declarados solo para él',
    example: 'MUNI-0101',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  subject?: string;
}

export class NonBusinessDayView {
  @ApiProperty({ example: '2026-06-29' })
  date: string;

  @ApiProperty({ example: 'Día del Ejército' })
  name: string;

  @ApiProperty({ enum: NON_BUSINESS_KINDS, description: 'half_day: 24 y 31 de diciembre, asueto desde el mediodía' })
  kind: NonBusinessKind;
}

export class DeclareNonBusinessDayDto {
  @ApiProperty({ description: 'Día inhábil (YYYY-MM-DD, America/Guatemala)', example: '2026-11-02' })
  @IsCalendarDate()
  date: string;

  @FreeText({ max: 2000, example: 'Asueto por Acuerdo Gubernativo 123-2026' })
  @Transform(trim)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Solo para este sujeto obligado (cierre de su oficina); omitido o null: para todos',
    example: 'MINFIN',
  })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Length(1, 40)
  subjectCode?: string | null;
}

/** The day in `DELETE /calendar/non-business-days/{date}`. */
export class NonBusinessDayParams {
  @ApiProperty({ description: 'El día declarado inhábil (YYYY-MM-DD, America/Guatemala)', example: '2026-11-02' })
  @IsCalendarDate()
  date: string;
}

/** Which declaration of that day: the one for everyone, or the one for a single body (as `subject` names it in the list). */
export class RemoveNonBusinessDayQuery {
  @ApiPropertyOptional({
    description: 'El sujeto obligado para el que se declaró ese día; omitido: el día declarado para todos',
    example: 'MINFIN',
  })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Length(1, 40)
  subject?: string;
}

export class DeclaredNonBusinessDayView {
  @ApiProperty({ example: '2026-11-02' })
  date: string;

  @ApiProperty({ example: 'Asueto por Acuerdo Gubernativo 123-2026' })
  name: string;

  @ApiProperty({ enum: ['declared'] })
  kind: 'declared';

  @ApiProperty({ nullable: true, type: String, example: null })
  subjectCode: string | null;
}
