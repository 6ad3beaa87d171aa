import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, Matches, ValidateIf } from 'class-validator';

const CLOSING_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Absent fields stay as they are; `closingTime: null` goes back to the default closing time. */
export class UpdateSubjectCalendarDto {
  @ApiPropertyOptional({ description: 'true: sus sábados son días hábiles' })
  @ValidateIf((o: UpdateSubjectCalendarDto) => o.worksSaturdays !== undefined)
  @IsBoolean()
  worksSaturdays?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '15:00',
    description: 'Hora de cierre HH:MM local; lo recibido desde esa hora cuenta como recibido el siguiente día hábil. null: la hora por defecto',
  })
  @ValidateIf((o: UpdateSubjectCalendarDto) => o.closingTime !== undefined && o.closingTime !== null)
  @Matches(CLOSING_TIME)
  closingTime?: string | null;
}

export class SubjectCalendarSettingsView {
  @ApiProperty({ example: 'MINFIN' })
  subjectCode: string;

  @ApiProperty()
  worksSaturdays: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Hora de cierre propia; null si usa la de por defecto', example: null })
  closingTime: string | null;

  @ApiProperty({ description: 'La hora de cierre que se aplica', example: '16:00' })
  effectiveClosingTime: string;
}
