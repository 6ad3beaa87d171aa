import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Length, Matches } from 'class-validator';

export class TransferDto {
  @ApiProperty({ example: 'MUNI-0407', description: 'El sujeto obligado competente' })
  @IsDefined()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9-]{1,40}$/)
  toSubject: string;

  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Por qué el sujeto obligado no es competente y el otro sí (Art. 38)' })
  @IsDefined()
  @IsString()
  @Length(10, 5000)
  @Matches(/\S/)
  reason: string;
}
