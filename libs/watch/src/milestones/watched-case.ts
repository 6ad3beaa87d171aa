import { SubjectCalendarSettings } from '@ventanilla/calendar';
import { AppealStatus, CaseStatus, MilestoneCaseState } from '@ventanilla/cases';
import { EntityManager } from 'typeorm';

/** A case as the watch reads it: its terms, its body (calendar and UIP address) and its requester's contact. */
export interface WatchedCase extends MilestoneCaseState {
  id: string;
  folio: string;
  receivedAt: Date;
  status: CaseStatus;
  appealStatus: AppealStatus | null;
  appealDueDate: string | null;
  appealFiledAt: Date | null;
  subject: SubjectCalendarSettings & { name: string; uipEmail: string | null };
  requesterName: string;
  requesterEmail: string | null;
  requesterLanguage: string;
}

interface Row {
  id: string;
  folio: string;
  receivedAt: Date;
  status: CaseStatus;
  receivedOn: string;
  dueDate: string;
  extendedDueDate: string | null;
  fictaDueDate: string;
  appealStatus: AppealStatus | null;
  appealDueDate: string | null;
  appealFiledAt: Date | null;
  subjectCode: string;
  subjectName: string;
  uipEmail: string | null;
  worksSaturdays: boolean;
  closingTime: string | null;
  requesterName: string;
  requesterEmail: string | null;
  requesterLanguage: string;
}

const day = (column: string) => `to_char(c.${column}, 'YYYY-MM-DD')`;

/**
 * Reads and row-locks cases chosen by `where` (and `tail`: ORDER/LIMIT), in the caller's
 * transaction. Every write to a case's milestones happens under this lock, as in CaseActions,
 * so the watch and an officer's action on the same case take turns.
 */
export async function lockWatchedCases(
  tx: EntityManager,
  where: string,
  params: unknown[],
  options: { tail?: string; skipLocked?: boolean } = {},
): Promise<WatchedCase[]> {
  const rows: Row[] = await tx.query(
    `SELECT c.id, c.folio, c.received_at AS "receivedAt", c.status, ${day('received_on')} AS "receivedOn", ${day('due_date')} AS "dueDate",
            ${day('extended_due_date')} AS "extendedDueDate", ${day('ficta_due_date')} AS "fictaDueDate",
            c.appeal_status AS "appealStatus", ${day('appeal_due_date')} AS "appealDueDate", c.appeal_filed_at AS "appealFiledAt",
            s.code AS "subjectCode", s.name AS "subjectName", s.uip_email AS "uipEmail",
            s.works_saturdays AS "worksSaturdays", s.closing_time AS "closingTime",
            r.requester_name AS "requesterName", r.requester_email AS "requesterEmail",
            r.language AS "requesterLanguage"
     FROM cases c JOIN subjects s ON s.code = c.subject_code JOIN requests r ON r.id = c.request_id
     WHERE ${where} ${options.tail ?? 'ORDER BY c.id'}
     FOR UPDATE OF c${options.skipLocked ? ' SKIP LOCKED' : ''}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    folio: r.folio,
    receivedAt: r.receivedAt,
    status: r.status,
    receivedOn: r.receivedOn,
    dueDate: r.dueDate,
    extendedDueDate: r.extendedDueDate,
    fictaDueDate: r.fictaDueDate,
    appealStatus: r.appealStatus,
    appealDueDate: r.appealDueDate,
    appealFiledAt: r.appealFiledAt,
    subject: {
      code: r.subjectCode,
      name: r.subjectName,
      uipEmail: r.uipEmail,
      worksSaturdays: r.worksSaturdays,
      closingTime: r.closingTime,
    },
    requesterName: r.requesterName,
    requesterEmail: r.requesterEmail,
    requesterLanguage: r.requesterLanguage,
  }));
}
