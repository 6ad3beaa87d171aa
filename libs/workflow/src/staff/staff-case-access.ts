import { StaffUser } from '@ventanilla/auth';
import { Actor, Case, caseNotFound } from '@ventanilla/cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid names no case: 404, never a database error. */
export function caseIdOrNotFound(id: string): string {
  if (!UUID.test(id)) throw caseNotFound();
  return id;
}

export function staffActor(user: StaffUser): Actor {
  return { kind: 'staff', id: user.id };
}

/**
 * Officers and highest authorities act only for their own subject. Another subject's case
 * answers 404 rather than 403, so staff cannot learn which cases other bodies hold.
 */
export function ownSubjectOnly(user: StaffUser): (c: Case) => void {
  return (c) => {
    if (user.subjectCode === null || c.subjectCode !== user.subjectCode) throw caseNotFound();
  };
}
