import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CaseSchema, DELIVERY_FORMATS, RequesterSchema } from '@ventanilla/cases';

/** OpenAPI schemas of the filing's answer and the views by folio. */
@ApiSchema({ name: 'FilingResult' })
export class FilingResultSchema {
  @ApiProperty({ example: 'VT-2026-K7M4-Q9XP' }) folio: string;
  @ApiProperty({ description: 'Se muestra una sola vez: el servicio guarda solo su hash', example: 'K7M4Q9XPAB23' }) accessCode: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ type: [CaseSchema], description: 'Un caso por sujeto obligado' }) cases: CaseSchema[];
}

@ApiSchema({ name: 'PublicRequest' })
export class PublicRequestSchema {
  @ApiProperty() folio: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: DELIVERY_FORMATS }) deliveryFormat: string;
  @ApiProperty({ type: [CaseSchema] }) cases: CaseSchema[];
}

@ApiSchema({ name: 'RequesterRequest' })
export class RequesterRequestSchema extends PublicRequestSchema {
  @ApiProperty({ type: RequesterSchema }) requester: RequesterSchema;
}
