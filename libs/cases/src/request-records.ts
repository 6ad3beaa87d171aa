import { types } from 'pg';
import type { CaseEvent } from './case-event.entity';
import type { CaseRecord } from './case-view';
import type { Case } from './case.entity';
import type { Document } from './document.entity';
import type { Request } from './request.entity';

/** A request with everything its views show: its cases, their subjects, linked cases, events and documents. */
export interface RequestWithRecords {
  request: Request;
  records: CaseRecord[];
}

// Timestamps travel inside the JSON as PostgreSQL's text and are parsed by pg's own parser, so
// they come out exactly as a column read through the pool would (microseconds cut to ms alike).
const timestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;
const maybeTimestamp = (text: string | null): Date | null => (text === null ? null : timestamp(text));

/** Every document of a case `c`, in upload order, as a JSON array (`DocumentJson`). */
export const CASE_DOCUMENTS_JSON = `coalesce((SELECT json_agg(json_build_object('id', d.id, 'storage_key', d.storage_key, 'name', d.name,
            'media_type', d.media_type, 'size', d.size, 'sha256', d.sha256, 'public', d.public,
            'uploaded_at', d.uploaded_at::text, 'uploaded_by', d.uploaded_by, 'delivered_at', d.delivered_at::text)
            ORDER BY d.uploaded_at, d.id)
          FROM documents d WHERE d.case_id = c.id), '[]'::json)`;

/** A document as `CASE_DOCUMENTS_JSON` builds it. */
export interface DocumentJson {
  id: string;
  storage_key: string;
  name: string;
  media_type: string;
  size: number | string;
  sha256: string;
  public: boolean;
  uploaded_at: string;
  uploaded_by: string | null;
  delivered_at: string | null;
}

/** The documents of case `caseId` read with `CASE_DOCUMENTS_JSON`. */
export function documentsOf(caseId: string, documents: DocumentJson[]): Document[] {
  return documents.map(
    (d) =>
      ({
        id: d.id,
        caseId,
        storageKey: d.storage_key,
        name: d.name,
        mediaType: d.media_type,
        size: Number(d.size),
        sha256: d.sha256,
        public: d.public,
        uploadedAt: timestamp(d.uploaded_at),
        uploadedBy: d.uploaded_by,
        deliveredAt: maybeTimestamp(d.delivered_at),
      }) as Document,
  );
}

const LINKED = (alias: string, column: string) => `(SELECT json_build_object('id', l.id, 'code', l.subject_code, 'name', coalesce(ls.name, l.subject_code))
      FROM cases l LEFT JOIN subjects ls ON ls.code = l.subject_code WHERE l.id = ${alias}.${column})`;

/**
 * What a case's view shows besides its row, as `json_build_object` arguments for a case `c`:
 * its linked cases, its events (in order) and its documents.
 */
const CASE_EXTRAS_JSON = `'transferred_to', CASE WHEN c.transferred_to_case_id IS NULL THEN NULL ELSE ${LINKED('c', 'transferred_to_case_id')} END,
        'transferred_from', CASE WHEN c.transferred_from_case_id IS NULL THEN NULL ELSE ${LINKED('c', 'transferred_from_case_id')} END,
        'events', coalesce((SELECT json_agg(json_build_object('id', e.id::text, 'type', e.type, 'at', e.at::text,
            'actor_kind', e.actor_kind, 'actor_id', e.actor_id, 'data', e.data) ORDER BY e.id)
          FROM case_events e WHERE e.case_id = c.id), '[]'::json),
        'documents', ${CASE_DOCUMENTS_JSON}`;

/**
 * For cases already loaded (a listing's page): each one's subject name and extras, in one
 * round trip, by the ids in `$1`.
 */
export const CASE_EXTRAS_SQL = `
  SELECT c.id, json_build_object('subject_name', coalesce(s.name, c.subject_code), ${CASE_EXTRAS_JSON}) AS extras
  FROM cases c LEFT JOIN subjects s ON s.code = c.subject_code WHERE c.id = ANY($1::uuid[])`;

/** What `CASE_EXTRAS_SQL` answers for one case. */
export type CaseExtrasJson = Pick<CaseJson, 'subject_name' | 'transferred_to' | 'transferred_from' | 'events' | 'documents'>;

/** A loaded case's record from its extras. */
export function recordWithExtras(c: Case, j: CaseExtrasJson): CaseRecord {
  const linked = (l: LinkedJson | null) => (l ? { id: l.id, subject: { code: l.code, name: l.name } } : null);
  return {
    case: c,
    subjectName: j.subject_name,
    transferredTo: linked(j.transferred_to),
    transferredFrom: linked(j.transferred_from),
    events: j.events.map(
      (e) => ({ id: e.id, caseId: c.id, type: e.type, at: timestamp(e.at), actorKind: e.actor_kind, actorId: e.actor_id, data: e.data }) as CaseEvent,
    ),
    documents: documentsOf(c.id, j.documents),
  };
}

/**
 * A case `c` (with its subject joined as `s`) as one JSON object: its row (the column names of
 * `CaseJson`), its subject's name and its extras. The lookup and the staff listing read cases
 * through this, so both render the same record.
 */
export const CASE_RECORD_JSON = `json_build_object(
        'id', c.id, 'request_id', c.request_id, 'folio', c.folio, 'subject_code', c.subject_code,
        'subject_name', coalesce(s.name, c.subject_code), 'status', c.status, 'channel', c.channel,
        'received_at', c.received_at::text, 'received_on', c.received_on, 'due_date', c.due_date,
        'extended_due_date', c.extended_due_date, 'term_due_date', c.term_due_date, 'ficta_due_date', c.ficta_due_date,
        'extension_reason', c.extension_reason, 'extended_at', c.extended_at::text, 'resolved_at', c.resolved_at::text,
        'resolution_type', c.resolution_type, 'resolution_text', c.resolution_text, 'classification_ref', c.classification_ref,
        'resolution_on_time', c.resolution_on_time, 'business_days_taken', c.business_days_taken,
        'transferred_to_case_id', c.transferred_to_case_id, 'transferred_from_case_id', c.transferred_from_case_id,
        'closed_at', c.closed_at::text, 'appeal_status', c.appeal_status, 'appeal_filed_at', c.appeal_filed_at::text,
        'appeal_due_date', c.appeal_due_date, 'appeal_grounds', c.appeal_grounds, 'appeal_text', c.appeal_text,
        'appeal_outcome', c.appeal_outcome, 'appeal_decision_text', c.appeal_decision_text,
        'appeal_decided_at', c.appeal_decided_at::text, 'version', c.version, 'created_at', c.created_at::text,
        'updated_at', c.updated_at::text,
        ${CASE_EXTRAS_JSON}
      )`;

/** A request `r`'s columns as `RequestRow` names them (the access code's hash aside). */
export const REQUEST_COLUMNS = `r.id, r.folio, r.description, r.delivery_format, r.language, r.requester_name, r.requester_email,
    r.requester_phone, r.requester_address, r.channel, r.filed_at, r.registered_by`;

/**
 * The whole request in one round trip: the row, and its cases as one JSON array (in the order
 * they were filed) with their events and documents nested. The lookup's hot path reads this
 * and nothing else; no entity is hydrated.
 */
function requestSql(withAccessCodeHash: boolean): string {
  return `
  SELECT ${REQUEST_COLUMNS}${withAccessCodeHash ? ', r.access_code_hash' : ''},
    coalesce((SELECT json_agg(${CASE_RECORD_JSON} ORDER BY c.created_at, c.id)
      FROM cases c LEFT JOIN subjects s ON s.code = c.subject_code WHERE c.folio = r.folio), '[]'::json) AS cases
  FROM requests r WHERE r.folio = $1`;
}

export const REQUEST_WITH_RECORDS_SQL = { public: requestSql(false), withAccessCodeHash: requestSql(true) };

/** A request's row as `REQUEST_COLUMNS` reads it (with the hash when asked for). */
export interface RequestRow {
  id: string;
  folio: string;
  description: string;
  delivery_format: Request['deliveryFormat'];
  language: string;
  requester_name: string;
  requester_email: string | null;
  requester_phone: string | null;
  requester_address: string | null;
  channel: Request['channel'];
  filed_at: Date;
  registered_by: string | null;
  access_code_hash?: string;
}

interface LinkedJson {
  id: string;
  code: string;
  name: string;
}

type Stamp = string | null;

/** A case as `CASE_RECORD_JSON` builds it. */
export interface CaseJson {
  id: string;
  request_id: string;
  folio: string;
  subject_code: string;
  subject_name: string;
  status: Case['status'];
  channel: Case['channel'];
  received_at: string;
  received_on: string;
  due_date: string;
  extended_due_date: string | null;
  term_due_date: string;
  ficta_due_date: string;
  extension_reason: string | null;
  extended_at: Stamp;
  resolved_at: Stamp;
  resolution_type: Case['resolutionType'];
  resolution_text: string | null;
  classification_ref: string | null;
  resolution_on_time: boolean | null;
  business_days_taken: number | null;
  transferred_to_case_id: string | null;
  transferred_from_case_id: string | null;
  closed_at: Stamp;
  appeal_status: Case['appealStatus'];
  appeal_filed_at: Stamp;
  appeal_due_date: string | null;
  appeal_grounds: string | null;
  appeal_text: string | null;
  appeal_outcome: Case['appealOutcome'];
  appeal_decision_text: string | null;
  appeal_decided_at: Stamp;
  version: number;
  created_at: string;
  updated_at: string;
  transferred_to: LinkedJson | null;
  transferred_from: LinkedJson | null;
  events: { id: string; type: string; at: string; actor_kind: CaseEvent['actorKind']; actor_id: string | null; data: Record<string, unknown> }[];
  documents: DocumentJson[];
}

export function requestWithRecords(row: RequestRow & { cases: CaseJson[] }): RequestWithRecords {
  return { request: requestOf(row), records: row.cases.map(caseRecord) };
}

/** The request of a row read with `REQUEST_COLUMNS`. */
export function requestOf(row: RequestRow): Request {
  return {
    id: row.id,
    folio: row.folio,
    description: row.description,
    deliveryFormat: row.delivery_format,
    language: row.language,
    requesterName: row.requester_name,
    requesterEmail: row.requester_email,
    requesterPhone: row.requester_phone,
    requesterAddress: row.requester_address,
    channel: row.channel,
    filedAt: row.filed_at,
    registeredBy: row.registered_by,
    ...(row.access_code_hash !== undefined ? { accessCodeHash: row.access_code_hash } : {}),
  } as Request;
}

/** The record of a case read with `CASE_RECORD_JSON`. */
export function caseRecord(j: CaseJson): CaseRecord {
  const c = {
    id: j.id,
    requestId: j.request_id,
    folio: j.folio,
    subjectCode: j.subject_code,
    status: j.status,
    channel: j.channel,
    receivedAt: timestamp(j.received_at),
    receivedOn: j.received_on,
    dueDate: j.due_date,
    extendedDueDate: j.extended_due_date,
    termDueDate: j.term_due_date,
    fictaDueDate: j.ficta_due_date,
    extensionReason: j.extension_reason,
    extendedAt: maybeTimestamp(j.extended_at),
    resolvedAt: maybeTimestamp(j.resolved_at),
    resolutionType: j.resolution_type,
    resolutionText: j.resolution_text,
    classificationRef: j.classification_ref,
    resolutionOnTime: j.resolution_on_time,
    businessDaysTaken: j.business_days_taken,
    transferredToCaseId: j.transferred_to_case_id,
    transferredFromCaseId: j.transferred_from_case_id,
    closedAt: maybeTimestamp(j.closed_at),
    appealStatus: j.appeal_status,
    appealFiledAt: maybeTimestamp(j.appeal_filed_at),
    appealDueDate: j.appeal_due_date,
    appealGrounds: j.appeal_grounds,
    appealText: j.appeal_text,
    appealOutcome: j.appeal_outcome,
    appealDecisionText: j.appeal_decision_text,
    appealDecidedAt: maybeTimestamp(j.appeal_decided_at),
    version: j.version,
    createdAt: timestamp(j.created_at),
    updatedAt: timestamp(j.updated_at),
  } as Case;
  return recordWithExtras(c, j);
}
