import { StaffUser } from '@ventanilla/auth';
import { Case, DocumentView } from '@ventanilla/cases';
import { mayRead } from '@ventanilla/documents';

/**
 * The documents of a case this staff member may download at `/personal/documentos/{id}`, by
 * the contract's one rule (`mayRead`): the page links only those, and names the rest. (An
 * admin, who reads every case, is not among a document's readers unless it is public.)
 */
export function readableDocuments(user: StaffUser, c: Pick<Case, 'status' | 'subjectCode'>, documents: DocumentView[]): string[] {
  return documents
    .filter((d) => mayRead({ kind: 'staff', user }, { public: d.public, deliveredAt: d.delivered ? new Date(d.uploadedAt) : null }, c))
    .map((d) => d.id);
}
