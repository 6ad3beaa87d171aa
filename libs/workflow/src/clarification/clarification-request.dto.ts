import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Length, Matches } from 'class-validator';

export class ClarificationRequestDto {
  @ApiProperty({ minLength: 10, maxLength: 5000, example: 'Indique el año fiscal y la dependencia a la que se refiere.' })
  @IsDefined()
  @IsString()
  @Length(10, 5000)
  @Matches(/\S/)
  text: string;
}
