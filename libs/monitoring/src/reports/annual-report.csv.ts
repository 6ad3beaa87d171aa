import {
  APPEAL_GROUND_LABELS,
  APPEAL_GROUNDS,
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  CHANNELS,
  DELIVERY_FORMATS,
  labelsIn,
  languageView,
  RESOLUTION_LABELS,
  RESOLUTION_TYPES,
} from '@ventanilla/cases';
import { csvLine, UTF8_BOM } from '../shared/csv';
import { CHANNEL_LABELS, DELIVERY_FORMAT_LABELS } from '../shared/labels';
import { AnnualReport, ReportOutcome } from './annual-report';

export const ANNUAL_REPORT_CSV_HEADER = ['Numeral', 'Rubro', 'Medida', 'Valor'] as const;

/** The eight items of Art. 48, as the law words them. */
const ITEMS = {
  1: 'Número de solicitudes y tipo de información solicitada',
  2: 'Resultado de cada solicitud',
  3: 'Tiempos de respuesta',
  4: 'Solicitudes pendientes',
  5: 'Solicitudes con prórroga del plazo',
  6: 'Solicitudes rechazadas',
  7: 'Solicitudes no satisfechas por ser información reservada o confidencial',
  8: 'Número de impugnaciones (recursos de revisión)',
} as const;

const OUTCOME_LABELS: Record<ReportOutcome, string> = {
  ...labelsIn(RESOLUTION_LABELS, 'report'),
  transferred: 'Trasladada al sujeto obligado competente (Art. 38)',
  withdrawn: 'Desistida por el solicitante',
  open: 'Pendiente de resolver',
};

export function annualReportFilename(report: Pick<AnnualReport, 'subject' | 'year'>): string {
  // Subject codes are [A-Z0-9-]; anything else is dropped so the header stays a plain token.
  return `informe-art48-${report.subject.code.replace(/[^A-Za-z0-9-]/g, '')}-${report.year}.csv`;
}

/** One line of the report: the Art. 48 item (blank for the heading lines), its name, the measure, the value. */
export type AnnualReportRow = [number | '', string, string, string | number | null];

/** The report as a UIP hands it in: UTF-8 with BOM, Spanish headers, one row per item and measure. */
export function annualReportCsv(report: AnnualReport): string {
  return UTF8_BOM + csvLine(ANNUAL_REPORT_CSV_HEADER) + annualReportRows(report).map(csvLine).join('');
}

/** The report's lines, in the law's order and words: the CSV and the PDH's page show the same ones. */
export function annualReportRows(report: AnnualReport): AnnualReportRow[] {
  const rows: AnnualReportRow[] = [
    ['', 'Sujeto obligado', 'Código', report.subject.code],
    ['', 'Sujeto obligado', 'Nombre', report.subject.name],
    ['', 'Período', 'Año', report.year],
    ['', 'Período', 'Desde', report.from],
    ['', 'Período', 'Hasta', report.to],
    ['', 'Período', 'Datos al', report.asOf],
  ];
  const item = (n: keyof typeof ITEMS, measure: string, value: number | null) => rows.push([n, ITEMS[n], measure, value]);

  item(1, 'Total de solicitudes recibidas', report.requests.total);
  for (const f of DELIVERY_FORMATS) item(1, `Modalidad de entrega: ${DELIVERY_FORMAT_LABELS[f]}`, report.requests.byDeliveryFormat[f]);
  for (const c of CHANNELS) item(1, `Canal de recepción: ${CHANNEL_LABELS[c]}`, report.requests.byChannel[c]);
  for (const [code, n] of Object.entries(report.requests.byLanguage ?? {})) item(1, `Idioma del requirente: ${languageView(code).name}`, n);

  for (const o of [...RESOLUTION_TYPES, 'transferred', 'withdrawn', 'open'] as const) item(2, OUTCOME_LABELS[o], report.results[o]);

  const t = report.responseTimes;
  item(3, 'Solicitudes resueltas', t.resolved);
  item(3, 'Resueltas dentro del plazo', t.onTime);
  item(3, 'Resueltas fuera del plazo', t.late);
  item(3, 'Mediana de días hábiles', t.medianBusinessDays);
  item(3, 'Percentil 90 de días hábiles', t.p90BusinessDays);
  item(3, 'Promedio de días hábiles', t.meanBusinessDays);

  item(4, 'Total de solicitudes pendientes', report.pending.total);
  item(4, 'Pendientes con el plazo vencido', report.pending.overdue);
  item(4, 'Pendientes en espera de aclaración', report.pending.awaitingClarification);

  item(5, 'Total de solicitudes prorrogadas (Art. 43)', report.extended.total);

  item(6, 'Total de solicitudes rechazadas', report.rejected.total);
  item(6, RESOLUTION_LABELS.denied_reserved.report, report.rejected.denied_reserved);
  item(6, RESOLUTION_LABELS.denied_confidential.report, report.rejected.denied_confidential);
  item(6, RESOLUTION_LABELS.denied_no_clarification.report, report.rejected.denied_no_clarification);

  item(7, 'Total', report.reservedOrConfidential.total);
  item(7, 'Información reservada', report.reservedOrConfidential.reserved);
  item(7, 'Información confidencial', report.reservedOrConfidential.confidential);

  item(8, 'Total de recursos de revisión', report.appeals.total);
  item(8, 'Pendientes de resolver', report.appeals.pending);
  item(8, 'Resueltos', report.appeals.decided);
  for (const o of APPEAL_OUTCOMES) item(8, `Resolución: ${APPEAL_OUTCOME_LABELS[o].report}`, report.appeals.byOutcome[o]);
  for (const g of APPEAL_GROUNDS) item(8, `Causal: ${APPEAL_GROUND_LABELS[g].report}`, report.appeals.byGround[g]);
  item(8, 'Causal: otra (texto libre)', report.appeals.byGround.other);

  return rows;
}
