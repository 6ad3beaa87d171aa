import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { FreeText } from '@ventanilla/http';
import { IsDefined, IsString, Matches } from 'class-validator';

export class TransferDto {
  @ApiProperty({ example: 'MUNI-0407', description: 'El sujeto obligado competente' })
  @IsDefined()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9-]{1,40}$/)
  toSubject: string;

  @FreeText({ description: 'Por qué el sujeto obligado no es competente y el otro sí (Art. 38)' })
  reason: string;
}
