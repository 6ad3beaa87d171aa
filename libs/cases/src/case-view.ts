import { localDateOf } from '@ventanilla/calendar';
import type { CaseEvent } from './case-event.entity';
import type { Case, ResolutionType } from './case.entity';
import { CaseAudience, Document, DocumentView, documentsFor, toDocumentView } from './document.entity';
import { isOpen, isOverdue } from './open-cases';

export interface SubjectRef {
  code: string;
  name: string;
}

/** The contract's `Case`. */
export interface CaseView {
  id: string;
  folio: string;
  subject: SubjectRef;
  status: Case['status'];
  channel: Case['channel'];
  receivedAt: string;
  receivedOn: string;
  dueDate: string;
  extendedDueDate: string | null;
  overdue: boolean;
  fictaDueDate: string | null;
  resolvedAt: string | null;
  resolution: { type: ResolutionType; text: string; onTime: boolean; businessDaysTaken: number; classificationRef: string | null } | null;
  transferredTo: { id: string; subject: SubjectRef } | null;
  transferredFrom: { id: string; subject: SubjectRef } | null;
  appeal: {
    status: 'filed' | 'decided';
    filedAt: string;
    dueDate: string | null;
    grounds: string | null;
    outcome: string | null;
    text: string | null;
    decidedAt: string | null;
  } | null;
  events: { type: string; at: string }[];
  documents: DocumentView[];
}

/** A case with what its view needs: subject names (its own and the linked cases') and its events. */
export interface CaseRecord {
  case: Case;
  subjectName: string;
  transferredTo: { id: string; subject: SubjectRef } | null;
  transferredFrom: { id: string; subject: SubjectRef } | null;
  events: CaseEvent[];
  /** Every document of the case; the view shows its audience's share. */
  documents: Document[];
}

/** The afirmativa ficta date exists once the term was missed: now, or before the case closed. */
export function missedTerm(c: Pick<Case, 'status' | 'termDueDate' | 'closedAt'>, now: Date): boolean {
  const endOfWatch = c.closedAt ?? now;
  return localDateOf(endOfWatch) > c.termDueDate && (isOpen(c.status) || c.closedAt !== null);
}

export function toCaseView(record: CaseRecord, now: Date, audience: CaseAudience = 'public'): CaseView {
  const c = record.case;
  return {
    id: c.id,
    folio: c.folio,
    subject: { code: c.subjectCode, name: record.subjectName },
    status: c.status,
    channel: c.channel,
    receivedAt: c.receivedAt.toISOString(),
    receivedOn: c.receivedOn,
    dueDate: c.dueDate,
    extendedDueDate: c.extendedDueDate,
    overdue: isOverdue(c, now),
    fictaDueDate: missedTerm(c, now) ? c.fictaDueDate : null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolution:
      c.resolutionType && c.resolvedAt
        ? {
            type: c.resolutionType,
            text: c.resolutionText ?? '',
            onTime: c.resolutionOnTime ?? false,
            businessDaysTaken: c.businessDaysTaken ?? 0,
            classificationRef: c.classificationRef,
          }
        : null,
    transferredTo: record.transferredTo,
    transferredFrom: record.transferredFrom,
    appeal:
      c.appealStatus && c.appealFiledAt
        ? {
            status: c.appealStatus,
            filedAt: c.appealFiledAt.toISOString(),
            dueDate: c.appealDueDate,
            grounds: c.appealGrounds,
            outcome: c.appealOutcome,
            text: c.appealDecisionText,
            decidedAt: c.appealDecidedAt?.toISOString() ?? null,
          }
        : null,
    events: record.events.map((e) => ({ type: e.type, at: e.at.toISOString() })),
    documents: documentsFor(audience, c, record.documents).map(toDocumentView),
  };
}
