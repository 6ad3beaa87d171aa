import { ApiProperty } from '@nestjs/swagger';
import { APPEAL_OUTCOMES, AppealOutcome } from '@ventanilla/cases';
import { FreeText, LONG_TEXT_MAX } from '@ventanilla/http';
import { IsDefined, IsIn } from 'class-validator';

export class FileAppealDto {
  @FreeText({
    max: 2000,
    example: 'denied',
    description:
      'Texto libre. Los códigos del Art. 55 se reconocen y se cuentan por causal: denied (negativa), ' +
      'nonexistent (inexistencia), incomplete (incompleta o no corresponde), personal_data (datos personales), ' +
      'no_answer (sin respuesta), delivery_expired (plazo de entrega vencido)',
  })
  grounds: string;

  @FreeText({ description: 'Lo que el requirente reclama' })
  text: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsDefined()
  @IsIn(APPEAL_OUTCOMES)
  outcome: AppealOutcome;

  @FreeText({ max: LONG_TEXT_MAX, description: 'La resolución razonada de la máxima autoridad (Art. 59)' })
  text: string;
}
