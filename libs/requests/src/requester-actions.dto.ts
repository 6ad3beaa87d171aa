import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Length } from 'class-validator';

export class ClarificationAnswerDto {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsDefined()
  @IsString()
  @Length(1, 10000)
  text: string;
}

export class WithdrawalDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
