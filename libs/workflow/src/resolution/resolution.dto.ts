import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOLUTION_TYPES, ResolutionType } from '@ventanilla/cases';
import { FreeText, HasVisibleCharacter, LONG_TEXT_MAX } from '@ventanilla/http';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Denials on these grounds cite the classification resolution (Arts. 22-28). */
export const CLASSIFIED_DENIALS: readonly ResolutionType[] = ['denied_reserved', 'denied_confidential'];

export class ResolutionDto {
  @ApiProperty({ enum: RESOLUTION_TYPES })
  @IsDefined()
  @IsIn(RESOLUTION_TYPES)
  type: ResolutionType;

  @FreeText({ max: LONG_TEXT_MAX, description: 'Resolución escrita y razonada (Art. 45)' })
  text: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 2000,
    description: 'Resolución de clasificación citada; obligatoria para denied_reserved y denied_confidential',
    example: 'Acuerdo de reserva 05-2025 (Diario Oficial 12/03/2025)',
  })
  // Required for classified denials: checked by the service, since a conditional rule here
  // would drown its one message in the format errors of an absent value.
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @HasVisibleCharacter()
  classificationRef?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Documentos del caso (POST /cases/{id}/documents) que la resolución entrega al requirente',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}
