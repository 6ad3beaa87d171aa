import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Length, Matches } from 'class-validator';

export class ExtensionDto {
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Por qué el volumen de la respuesta lo justifica (Art. 43)' })
  @IsDefined()
  @IsString()
  @Length(10, 5000)
  @Matches(/\S/)
  reason: string;
}
