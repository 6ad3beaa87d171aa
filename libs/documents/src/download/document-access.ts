import type { StaffUser } from '@ventanilla/auth';
import { Case, Document, isPublicDocument } from '@ventanilla/cases';

/** Who is asking for a document. */
export type DocumentReader =
  | { kind: 'anyone' }
  | { kind: 'staff'; user: StaffUser }
  /** The requester, once the access code of the case's folio was verified. */
  | { kind: 'requester' };

/**
 * The contract's access rule. Beyond public documents: the requester reads what the resolution
 * delivered to them; the subject's staff and the PDH read every document of the case (also
 * those not yet delivered). Anyone else — another subject's staff, an admin — is told nothing.
 */
export function mayRead(reader: DocumentReader, d: Pick<Document, 'public' | 'deliveredAt'>, c: Pick<Case, 'status' | 'subjectCode'>): boolean {
  if (isPublicDocument(d, c)) return true;
  switch (reader.kind) {
    case 'anyone':
      return false;
    case 'requester':
      return d.deliveredAt !== null;
    case 'staff': {
      const { role, subjectCode } = reader.user;
      if (role === 'pdh_monitor') return true;
      return (role === 'uip_officer' || role === 'highest_authority') && subjectCode !== null && subjectCode === c.subjectCode;
    }
  }
}
