/**
 * What the domain refuses, each kind with the facts its message needs. The domain (the case
 * state machine, the law's rules, the case store) throws these without knowing about HTTP;
 * `contractError` (libs/http) tells each one in the contract's status, code and words.
 */
export interface DomainErrorDetails {
  /** No such case, or one the actor may not see (told as 404 so other bodies' cases stay unknown). */
  case_not_found: Record<string, never>;
  /** The state machine does not allow `action` in the case's state (`case-status.ts`). */
  invalid_transition: { action: string; status: string; appealStatus: string | null };
  /** Art. 43: the extension was already used, or the original term (`dueDate`) has ended. */
  extension_refused: { refusal: 'already_extended' | 'term_ended'; dueDate: string };
  /** Art. 55: neither within the window after a resolution nor once the case is overdue. */
  appeal_out_of_time: Record<string, never>;
  /** A resolution named documents that are not the case's own. */
  not_case_documents: { documentIds: string[] };
}

export type DomainErrorKind = keyof DomainErrorDetails;

export class DomainError<K extends DomainErrorKind = DomainErrorKind> extends Error {
  constructor(
    readonly kind: K,
    readonly details: DomainErrorDetails[K],
  ) {
    // The kind is the message for logs and stack traces; the words a person reads are the contract's.
    super(kind);
    this.name = 'DomainError';
  }
}
