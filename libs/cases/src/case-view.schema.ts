import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CASE_STATUSES } from './case-status';
import { APPEAL_OUTCOMES, CHANNELS, RESOLUTION_TYPES } from './case.entity';
import { DELIVERY_FORMATS } from './request.entity';

/**
 * The OpenAPI schemas of `CaseView` (case-view.ts) and its parts: what `/api/docs-json` tells
 * outside clients, checked against every answer of the e2e run.
 */
@ApiSchema({ name: 'SubjectRef' })
export class SubjectRefSchema {
  @ApiProperty({ example: 'MINFIN' }) code: string;
  @ApiProperty({ example: 'Ministerio de Finanzas Públicas' }) name: string;
}

@ApiSchema({ name: 'CaseResolution' })
export class CaseResolutionSchema {
  @ApiProperty({ enum: RESOLUTION_TYPES }) type: string;
  @ApiProperty() text: string;
  @ApiProperty() onTime: boolean;
  @ApiProperty({ type: 'integer', description: 'Días hábiles desde el día siguiente a receivedOn hasta el de la resolución' })
  businessDaysTaken: number;
  @ApiProperty({ type: String, nullable: true }) classificationRef: string | null;
}

@ApiSchema({ name: 'CaseLink' })
export class CaseLinkSchema {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SubjectRefSchema }) subject: SubjectRefSchema;
}

@ApiSchema({ name: 'CaseAppeal' })
export class CaseAppealSchema {
  @ApiProperty({ enum: ['filed', 'decided'] }) status: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Plazo de la decisión (Art. 58)' }) dueDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Causal: texto libre o un código del Art. 55' }) grounds: string | null;
  @ApiProperty({ type: String, enum: APPEAL_OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'La decisión razonada de la máxima autoridad' }) text: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

@ApiSchema({ name: 'CaseEvent' })
export class CaseEventSchema {
  @ApiProperty({ example: 'received' }) type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

@ApiSchema({ name: 'Case' })
export class CaseSchema {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VT-2026-K7M4-Q9XP' }) folio: string;
  @ApiProperty({ type: SubjectRefSchema }) subject: SubjectRefSchema;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date', description: 'Fecha legal de recepción (America/Guatemala)' }) receivedOn: string;
  @ApiProperty({ format: 'date', description: 'El décimo día hábil después de receivedOn' }) dueDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) extendedDueDate: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) fictaDueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: CaseResolutionSchema, nullable: true }) resolution: CaseResolutionSchema | null;
  @ApiProperty({ type: CaseLinkSchema, nullable: true }) transferredTo: CaseLinkSchema | null;
  @ApiProperty({ type: CaseLinkSchema, nullable: true }) transferredFrom: CaseLinkSchema | null;
  @ApiProperty({ type: CaseAppealSchema, nullable: true }) appeal: CaseAppealSchema | null;
  @ApiProperty({ type: [CaseEventSchema], description: 'Del más antiguo al más reciente' }) events: CaseEventSchema[];
}

@ApiSchema({ name: 'Requester' })
export class RequesterSchema {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

/** Staff views of a case add what was asked and who asked (`requester: null` for pdh_monitor). */
@ApiSchema({ name: 'StaffCase' })
export class StaffCaseSchema extends CaseSchema {
  @ApiProperty() description: string;
  @ApiProperty({ type: RequesterSchema, nullable: true }) requester: RequesterSchema | null;
  @ApiProperty({ enum: DELIVERY_FORMATS, description: 'Cómo pidió recibir la información el requirente' }) deliveryFormat: string;
}
