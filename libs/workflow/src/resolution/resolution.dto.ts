import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOLUTION_TYPES, ResolutionType } from '@ventanilla/cases';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Denials on these grounds cite the classification resolution (Arts. 22-28). */
export const CLASSIFIED_DENIALS: readonly ResolutionType[] = ['denied_reserved', 'denied_confidential'];

export class ResolutionDto {
  @ApiProperty({ enum: RESOLUTION_TYPES })
  @IsDefined()
  @IsIn(RESOLUTION_TYPES)
  type: ResolutionType;

  @ApiProperty({ minLength: 20, maxLength: 20000, description: 'Resolución escrita y razonada (Art. 45)' })
  @IsDefined()
  @IsString()
  @Length(20, 20000)
  @Matches(/\S/)
  text: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Resolución de clasificación citada; obligatoria para denied_reserved y denied_confidential',
    example: 'Acuerdo de reserva 05-2025 (Diario Oficial 12/03/2025)',
  })
  // Required for classified denials: checked by the service, since a conditional rule here
  // would drown its one message in the format errors of an absent value.
  @IsOptional()
  @IsString()
  @Length(3, 500)
  classificationRef?: string | null;
}
