import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOLUTION_TYPES, ResolutionType } from '@ventanilla/cases';
import { Sector, SECTORS } from '@ventanilla/subjects';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PeriodQuery } from '../shared/period-query.dto';

export const STATS_SORTS = ['code', 'received'] as const;
export type StatsSort = (typeof STATS_SORTS)[number];

export class SubjectStatsQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: SECTORS, description: 'Solo sujetos obligados de este sector' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ example: '04', description: 'Solo sujetos obligados de este departamento (código INE de 2 dígitos)' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  departmentCode?: string;

  @ApiPropertyOptional({
    enum: STATS_SORTS,
    default: 'code',
    description: 'code: por código del sujeto obligado; received: más casos recibidos primero (empates por código)',
  })
  @IsOptional()
  @IsIn(STATS_SORTS)
  sort: StatsSort = 'code';
}

class SubjectRefView {
  @ApiProperty({ example: 'MINFIN' })
  code: string;

  @ApiProperty({ example: 'Ministerio de Finanzas Públicas' })
  name: string;
}

/** Every resolution type as a key, zeros included (api.md, Case: resolution.type). */
export class ByResolutionView implements Record<ResolutionType, number> {
  @ApiProperty() delivered: number;
  @ApiProperty() partially_delivered: number;
  @ApiProperty() denied_reserved: number;
  @ApiProperty() denied_confidential: number;
  @ApiProperty() denied_no_clarification: number;
  @ApiProperty() nonexistent: number;
}

export class SubjectStatsItemView {
  @ApiProperty({ type: SubjectRefView })
  subject: SubjectRefView;

  @ApiProperty({ description: 'Casos recibidos en el período (received_on en [from, to])' })
  received: number;

  @ApiProperty({ description: 'De ellos, resueltos (status resolved)' })
  resolved: number;

  @ApiProperty({ description: 'Resueltos dentro del plazo (resolution.onTime)' })
  resolvedOnTime: number;

  @ApiProperty({ description: 'Resueltos fuera del plazo' })
  resolvedLate: number;

  @ApiProperty({ description: 'Abiertos hoy: received, clarification_requested o extended' })
  open: number;

  @ApiProperty({ description: 'Abiertos cuyo plazo (prorrogado, si lo fue) terminó antes de hoy (America/Guatemala)' })
  overdue: number;

  @ApiProperty({ description: 'Con prórroga concedida (Art. 43), cualquiera que sea su estado actual' })
  extended: number;

  @ApiProperty({ description: 'Trasladados por este sujeto obligado al competente (Art. 38)' })
  transferred: number;

  @ApiProperty({ description: 'Con recurso de revisión interpuesto (Art. 52)' })
  appeals: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Mediana de días hábiles hasta la resolución, un decimal; null si ninguno se resolvió' })
  medianBusinessDays: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Percentil 90 de días hábiles hasta la resolución, un decimal; null si ninguno se resolvió' })
  p90BusinessDays: number | null;

  @ApiProperty({ type: ByResolutionView, description: `Resueltos por tipo de resolución: ${RESOLUTION_TYPES.join(', ')}` })
  byResolution: ByResolutionView;

  @ApiProperty({ description: 'Si sus avisos llegan a alguien: un oficial de información (uip_officer) activo o el correo de la UIP. false: "sin UIP registrada"' })
  reachable: boolean;
}

export class SubjectStatsView {
  @ApiProperty({ type: SubjectStatsItemView, isArray: true, description: 'Un elemento por sujeto obligado con al menos un caso recibido en el período' })
  items: SubjectStatsItemView[];

  @ApiProperty({
    type: SubjectRefView,
    isArray: true,
    description: 'Sujetos obligados activos (del sector y departamento pedidos) sin UIP registrada: sin oficial de información activo ni correo de la UIP, tengan o no casos',
  })
  unreachableSubjects: SubjectRefView[];

  @ApiProperty({ example: '2025-01-01', description: 'Primer día del período aplicado' })
  from: string;

  @ApiProperty({ example: '2025-12-31', description: 'Último día del período aplicado' })
  to: string;
}
