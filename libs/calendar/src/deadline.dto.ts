import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsInstant } from './calendar-input';

export class DeadlineQuery {
  @ApiProperty({
    description: 'Instante de recepción, ISO-8601 con zona horaria (Z o ±HH:MM)',
    example: '2026-03-30T10:00:00-06:00',
  })
  @IsInstant()
  receivedAt: string;

  @ApiProperty({ description: 'Código del sujeto obligado', example: 'MINFIN' })
  @IsString()
  @Length(1, 40)
  subject: string;
}

/** The terms a case received at that instant would get (api.md, Calendar). */
export class DeadlineView {
  @ApiProperty({ description: 'Día legal de recepción (YYYY-MM-DD, America/Guatemala)', example: '2026-04-06' })
  receivedOn: string;

  @ApiProperty({ description: 'Décimo día hábil después de la recepción (Art. 42)', example: '2026-04-20' })
  dueDate: string;

  @ApiProperty({ description: 'dueDate + 10 días hábiles, si se prorroga (Art. 43)', example: '2026-05-05' })
  extendedDueDate: string;
}
