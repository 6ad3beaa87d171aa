import { LegalClock } from '@ventanilla/calendar';
import { Case, isOpen } from '@ventanilla/cases';
import { DomainError, DomainErrorDetails } from '@ventanilla/domain';

export type ExtensionRefusal = DomainErrorDetails['extension_refused']['refusal'];

/**
 * Art. 43: once, and before the original term ends. A closed case is not the law's refusal
 * but the state machine's (INVALID_STATE), so it is left to it. Checked before the transition
 * because the state machine alone would call a second extension INVALID_STATE.
 */
export function extensionRefusal(
  c: Pick<Case, 'status' | 'dueDate' | 'extendedDueDate'>,
  now: Date,
  clock: Pick<LegalClock, 'isPast'>,
): ExtensionRefusal | null {
  if (!isOpen(c.status)) return null;
  if (c.extendedDueDate !== null) return 'already_extended';
  if (clock.isPast(c.dueDate, now)) return 'term_ended';
  return null;
}

/** The refusal as the domain throws it (the contract's 409 EXTENSION_NOT_ALLOWED); `dueDate` is the original term. */
export function extensionNotAllowed(refusal: ExtensionRefusal, dueDate: string): DomainError<'extension_refused'> {
  return new DomainError('extension_refused', { refusal, dueDate });
}
