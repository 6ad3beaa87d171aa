import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FIRST_REPORT_YEAR } from './annual-report';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class AnnualReportQuery {
  @ApiProperty({ example: 'MUNI-0407', description: 'Código del sujeto obligado' })
  @IsDefined()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(1, 40)
  subject: string;

  @ApiPropertyOptional({
    example: 2025,
    description: `Año del informe (${FIRST_REPORT_YEAR} hasta el año en curso); por defecto, el año anterior, el que el Art. 48 pide informar en enero`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Alternativa a la cabecera Accept (text/csv) para enlaces que no pueden enviarla; tiene prioridad sobre ella',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

class ReportSubjectView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() sector: string;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
  @ApiProperty({ nullable: true, type: String }) department: string | null;
}

/** OpenAPI example of an object of counts: one integer per key. */
const counts = (keys: readonly string[]) => ({ example: Object.fromEntries(keys.map((k) => [k, 0])) });

/** The Art. 48 report (see `AnnualReport`); documented here for OpenAPI. */
export class AnnualReportView {
  @ApiProperty({ type: ReportSubjectView }) subject: ReportSubjectView;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ example: '2026-01-20', description: 'Día (America/Guatemala) al que corresponden los pendientes y vencidos' })
  asOf: string;

  @ApiProperty({
    description:
      '1. Número de solicitudes (casos recibidos ese año) y tipo de información, por modalidad de entrega, canal e idioma del requirente ' +
      '(byLanguage: código ISO 639 → casos, solo los idiomas presentes). ' +
      'Las descripciones no se resumen: son texto libre y pueden contener datos personales.',
    example: { total: 9, byDeliveryFormat: { electronic: 6, simple_copy: 2, certified_copy: 1, direct_consultation: 0 }, byChannel: { web: 7, in_person: 2, phone: 0, mail: 0, email: 0 }, byLanguage: { es: 8, cak: 1 } },
  })
  requests: object;

  @ApiProperty({
    description: '2. Resultado de cada solicitud: resueltas por tipo, trasladadas, desistidas y pendientes (suman requests.total)',
    ...counts(['delivered', 'partially_delivered', 'denied_reserved', 'denied_confidential', 'denied_no_clarification', 'nonexistent', 'transferred', 'withdrawn', 'open']),
  })
  results: object;

  @ApiProperty({
    description: '3. Tiempos de respuesta de las resueltas: en plazo, fuera de plazo; mediana, percentil 90 y promedio de días hábiles (un decimal, null sin resueltas)',
    example: { resolved: 6, onTime: 5, late: 1, medianBusinessDays: 7.5, p90BusinessDays: 14.5, meanBusinessDays: 8.2 },
  })
  responseTimes: object;

  @ApiProperty({ description: '4. Pendientes a la fecha asOf, de ellas vencidas y en espera de aclaración', ...counts(['total', 'overdue', 'awaitingClarification']) })
  pending: object;

  @ApiProperty({ description: '5. Con prórroga concedida (Art. 43)', ...counts(['total']) })
  extended: object;

  @ApiProperty({ description: '6. Rechazadas: toda denegatoria', ...counts(['total', 'denied_reserved', 'denied_confidential', 'denied_no_clarification']) })
  rejected: object;

  @ApiProperty({ description: '7. No satisfechas por información reservada o confidencial', ...counts(['total', 'reserved', 'confidential']) })
  reservedOrConfidential: object;

  @ApiProperty({
    description: '8. Recursos de revisión: interpuestos, pendientes, resueltos y por resultado',
    example: { total: 2, pending: 1, decided: 1, byOutcome: { confirmed: 0, revoked: 1, modified: 0 },
    byGround: { denied: 1, nonexistent: 0, incomplete: 0, personal_data: 0, no_answer: 1, delivery_expired: 0, other: 0 } },
  })
  appeals: object;
}
