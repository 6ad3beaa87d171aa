import { FreeText } from '@ventanilla/http';

export class ExtensionDto {
  @FreeText({ description: 'Por qué el volumen de la respuesta lo justifica (Art. 43)' })
  reason: string;
}
