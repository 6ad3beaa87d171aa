import { DomainError } from '@ventanilla/domain';
import { OPEN_STATUSES } from './open-cases';

export const CASE_STATUSES = [
  'received',
  'clarification_requested',
  'extended',
  'resolved',
  'transferred',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type AppealStatus = 'filed' | 'decided';

export type CaseAction =
  | 'request_clarification'
  | 'answer_clarification'
  | 'extend'
  | 'resolve'
  | 'transfer'
  | 'withdraw'
  | 'file_appeal'
  | 'decide_appeal';

interface CaseState {
  status: CaseStatus;
  extendedDueDate: string | null;
  appealStatus: AppealStatus | null;
}

interface Transition {
  from: readonly CaseStatus[];
  /** The appeal status the action needs (undefined: any). */
  appealFrom?: readonly (AppealStatus | null)[];
  to: (state: CaseState) => { status: CaseStatus; appealStatus: AppealStatus | null };
}

const keep = (s: CaseState) => ({ status: s.status, appealStatus: s.appealStatus });

/**
 * The case's state machine, in one place. Term rules (extension before the term ends,
 * the appeal window) are the law's and live with the calendar; this table says only
 * which action each state allows.
 */
export const TRANSITIONS: Record<CaseAction, Transition> = {
  request_clarification: {
    from: ['received', 'extended'],
    to: (s) => ({ status: 'clarification_requested', appealStatus: s.appealStatus }),
  },
  answer_clarification: {
    from: ['clarification_requested'],
    // Back to where the case was: an extended case stays extended.
    to: (s) => ({ status: s.extendedDueDate ? 'extended' : 'received', appealStatus: s.appealStatus }),
  },
  extend: {
    from: ['received', 'clarification_requested'],
    to: (s) => ({ status: 'extended', appealStatus: s.appealStatus }),
  },
  resolve: {
    from: OPEN_STATUSES,
    to: (s) => ({ status: 'resolved', appealStatus: s.appealStatus }),
  },
  transfer: {
    from: OPEN_STATUSES,
    to: (s) => ({ status: 'transferred', appealStatus: s.appealStatus }),
  },
  withdraw: {
    from: OPEN_STATUSES,
    to: (s) => ({ status: 'withdrawn', appealStatus: s.appealStatus }),
  },
  // Art. 55: against a resolution, or against silence once the term has passed (checked by the caller).
  file_appeal: {
    from: ['resolved', ...OPEN_STATUSES],
    appealFrom: [null],
    to: (s) => ({ status: s.status, appealStatus: 'filed' }),
  },
  decide_appeal: {
    from: CASE_STATUSES,
    appealFrom: ['filed'],
    to: (s) => ({ ...keep(s), appealStatus: 'decided' }),
  },
};

export function canApply(action: CaseAction, state: CaseState): boolean {
  const t = TRANSITIONS[action];
  return t.from.includes(state.status) && (!t.appealFrom || t.appealFrom.includes(state.appealStatus));
}

/** The state after `action`, or an `invalid_transition` refusal (the contract's 409 INVALID_STATE; nothing changes). */
export function applyTransition(action: CaseAction, state: CaseState): { status: CaseStatus; appealStatus: AppealStatus | null } {
  if (!canApply(action, state)) {
    throw new DomainError('invalid_transition', { action, status: state.status, appealStatus: state.appealStatus });
  }
  return TRANSITIONS[action].to(state);
}
