import { FreeText } from '@ventanilla/http';

export class ClarificationRequestDto {
  @FreeText({ example: 'Indique el año fiscal y la dependencia a la que se refiere.' })
  text: string;
}
