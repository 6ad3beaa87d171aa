import { APPEAL_GROUNDS, overdueCaseSql, PUBLIC_DOCUMENT_SQL } from '@ventanilla/cases';
import { literalList } from '../shared/sql';

export interface OpenDataColumn {
  name: string;
  /** Reads from `c` (the case), `s` (its subject), `r` (its request), `t`/`f` (the cases it went to / came from). */
  sql: string;
  description: string;
}

/**
 * What open data publishes of each case. Anonymized by construction — only these columns are
 * ever selected: no requester name, email, phone or address, no access code, and no free text
 * (description, resolution, extension reason, appeal texts) since any of them can carry personal
 * data. The folio and the case's id link each row to the public record (contract v1.1), which
 * itself never shows the requester.
 */
export const OPEN_DATA_COLUMNS: readonly OpenDataColumn[] = [
  { name: 'id', sql: 'c.id', description: 'Identificador del caso (el `id` de Case)' },
  { name: 'folio', sql: 'c.folio', description: 'Folio de la solicitud: su registro público en /api/v1/requests/{folio}' },
  { name: 'subjectCode', sql: 'c.subject_code', description: 'Código del sujeto obligado' },
  { name: 'subjectName', sql: 's.name', description: 'Nombre del sujeto obligado' },
  { name: 'sector', sql: 's.sector', description: 'Sector del sujeto obligado' },
  { name: 'departmentCode', sql: 's.department_code', description: 'Departamento del sujeto obligado (código INE)' },
  { name: 'channel', sql: 'c.channel', description: 'Canal de recepción' },
  { name: 'deliveryFormat', sql: 'r.delivery_format', description: 'Modalidad de entrega pedida' },
  { name: 'receivedOn', sql: 'c.received_on::text', description: 'Día legal de recepción (America/Guatemala)' },
  { name: 'dueDate', sql: 'c.due_date::text', description: 'Vencimiento del plazo (Art. 42)' },
  { name: 'extendedDueDate', sql: 'c.extended_due_date::text', description: 'Vencimiento prorrogado (Art. 43), vacío sin prórroga' },
  { name: 'status', sql: 'c.status', description: 'Estado actual del caso' },
  { name: 'overdue', sql: overdueCaseSql('$3::date'), description: 'Abierto y con el plazo aplicable vencido hoy' },
  { name: 'resolutionType', sql: 'c.resolution_type', description: 'Tipo de resolución' },
  {
    name: 'resolvedOn',
    sql: `(c.resolved_at AT TIME ZONE 'America/Guatemala')::date::text`,
    description: 'Día de la resolución (America/Guatemala)',
  },
  { name: 'onTime', sql: 'c.resolution_on_time', description: 'Resuelto dentro del plazo' },
  { name: 'businessDaysTaken', sql: 'c.business_days_taken', description: 'Días hábiles desde la recepción hasta la resolución' },
  { name: 'transferredToSubject', sql: 't.subject_code', description: 'Sujeto obligado al que se trasladó (Art. 38)' },
  { name: 'transferredFromSubject', sql: 'f.subject_code', description: 'Sujeto obligado que lo trasladó a este' },
  { name: 'appealStatus', sql: 'c.appeal_status', description: 'Recurso de revisión: filed o decided' },
  {
    name: 'appealGround',
    sql: `CASE WHEN c.appeal_grounds IN ${literalList(APPEAL_GROUNDS)} THEN c.appeal_grounds END`,
    description: 'Causal del recurso (Art. 55) cuando es uno de los códigos reconocidos; vacío si es texto libre',
  },
  { name: 'appealOutcome', sql: 'c.appeal_outcome', description: 'Resultado del recurso: confirmed, revoked o modified' },
  {
    name: 'documents',
    sql: '(SELECT count(*)::int FROM documents d WHERE d.case_id = c.id AND d.delivered_at IS NOT NULL)',
    description: 'Documentos entregados con la resolución',
  },
  {
    name: 'publicDocuments',
    sql: `(SELECT count(*)::int FROM documents d WHERE d.case_id = c.id AND ${PUBLIC_DOCUMENT_SQL})`,
    description: 'De ellos, los públicos (descargables por cualquiera desde la página de la solicitud)',
  },
];

/**
 * Every case received in [$1, $2] ($3: today), oldest first. The order is stable, so two exports
 * of the same period compare line by line; the index on received_on gives it almost for free.
 */
export const OPEN_DATA_SQL = `
  SELECT ${OPEN_DATA_COLUMNS.map((col) => col.sql).join(', ')}
    FROM cases c
    JOIN subjects s ON s.code = c.subject_code
    JOIN requests r ON r.id = c.request_id
    LEFT JOIN cases t ON t.id = c.transferred_to_case_id
    LEFT JOIN cases f ON f.id = c.transferred_from_case_id
   WHERE c.received_on BETWEEN $1::date AND $2::date
   ORDER BY c.received_on, c.received_at, c.id`;
