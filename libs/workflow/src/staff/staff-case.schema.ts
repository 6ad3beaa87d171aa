import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { StaffCaseSchema } from '@ventanilla/cases';

/** OpenAPI schemas of the staff's lists and the transfer's answer. */
@ApiSchema({ name: 'StaffCaseList' })
export class StaffCaseListSchema {
  @ApiProperty({ type: [StaffCaseSchema], description: 'Por fecha de vencimiento' }) items: StaffCaseSchema[];
  @ApiProperty({ type: 'integer' }) total: number;
}

@ApiSchema({ name: 'TransferResult' })
export class TransferResultSchema {
  @ApiProperty({ type: StaffCaseSchema, description: 'El caso trasladado (status transferred)' }) from: StaffCaseSchema;
  @ApiProperty({ type: StaffCaseSchema, description: 'El caso nuevo del sujeto competente, recibido al trasladar' }) to: StaffCaseSchema;
}
