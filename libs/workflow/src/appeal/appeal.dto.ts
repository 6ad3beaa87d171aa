import { ApiProperty } from '@nestjs/swagger';
import { APPEAL_OUTCOMES, AppealOutcome } from '@ventanilla/cases';
import { IsDefined, IsIn, IsString, Length, Matches } from 'class-validator';
import { APPEAL_GROUNDS, AppealGrounds } from './appeal-labels';

export class FileAppealDto {
  @ApiProperty({
    enum: APPEAL_GROUNDS,
    description:
      'Art. 55: denied (negativa), nonexistent (inexistencia), incomplete (incompleta o no corresponde), ' +
      'personal_data (datos personales), no_answer (sin respuesta), delivery_expired (plazo de entrega vencido)',
  })
  @IsDefined()
  @IsIn(APPEAL_GROUNDS)
  grounds: AppealGrounds;

  @ApiProperty({ minLength: 10, maxLength: 10000, description: 'Lo que el requirente reclama' })
  @IsDefined()
  @IsString()
  @Length(10, 10000)
  @Matches(/\S/)
  text: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsDefined()
  @IsIn(APPEAL_OUTCOMES)
  outcome: AppealOutcome;

  @ApiProperty({ minLength: 20, maxLength: 20000, description: 'La resolución razonada de la máxima autoridad (Art. 59)' })
  @IsDefined()
  @IsString()
  @Length(20, 20000)
  @Matches(/\S/)
  text: string;
}
