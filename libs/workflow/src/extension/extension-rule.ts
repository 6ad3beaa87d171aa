import { LegalClock } from '@ventanilla/calendar';
import { Case, isOpen } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';

export type ExtensionRefusal = 'already_extended' | 'term_ended';

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

export function extensionNotAllowed(refusal: ExtensionRefusal, dueDate: string): AppError {
  return refusal === 'already_extended'
    ? new AppError('EXTENSION_NOT_ALLOWED', {
        es: 'El plazo de este caso ya fue prorrogado; la prórroga procede una sola vez (Art. 43).',
        en: 'This case was already extended; an extension is allowed once (Art. 43).',
      })
    : new AppError('EXTENSION_NOT_ALLOWED', {
        es: `El plazo original venció el ${dueDate}; la prórroga debe hacerse antes de que concluya (Art. 43).`,
        en: `The original term ended on ${dueDate}; an extension must come before it ends (Art. 43).`,
      });
}
