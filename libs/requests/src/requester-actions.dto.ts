import { FreeText } from '@ventanilla/http';

export class ClarificationAnswerDto {
  @FreeText()
  text: string;
}

export class WithdrawalDto {
  @FreeText({ optional: true })
  reason?: string;
}
