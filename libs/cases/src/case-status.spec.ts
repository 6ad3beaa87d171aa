import { DomainError } from '@ventanilla/domain';
import { contractError } from '@ventanilla/http';
import { applyTransition, CASE_STATUSES, CaseAction, CaseStatus } from './case-status';

type Appeal = 'filed' | 'decided' | null;

// Every (action, status) pair: the expected next status, or null when refused.
const TABLE: Record<CaseAction, Record<CaseStatus, CaseStatus | null>> = {
  request_clarification: { received: 'clarification_requested', clarification_requested: null, extended: 'clarification_requested', resolved: null, transferred: null, withdrawn: null },
  answer_clarification: { received: null, clarification_requested: 'received', extended: null, resolved: null, transferred: null, withdrawn: null },
  extend: { received: 'extended', clarification_requested: 'extended', extended: null, resolved: null, transferred: null, withdrawn: null },
  resolve: { received: 'resolved', clarification_requested: 'resolved', extended: 'resolved', resolved: null, transferred: null, withdrawn: null },
  transfer: { received: 'transferred', clarification_requested: 'transferred', extended: 'transferred', resolved: null, transferred: null, withdrawn: null },
  withdraw: { received: 'withdrawn', clarification_requested: 'withdrawn', extended: 'withdrawn', resolved: null, transferred: null, withdrawn: null },
  file_appeal: { received: 'received', clarification_requested: 'clarification_requested', extended: 'extended', resolved: 'resolved', transferred: null, withdrawn: null },
  decide_appeal: { received: null, clarification_requested: null, extended: null, resolved: null, transferred: null, withdrawn: null },
};

const rows = (Object.keys(TABLE) as CaseAction[]).flatMap((action) =>
  CASE_STATUSES.map((status) => [action, status, TABLE[action][status]] as const),
);

describe('case state machine (no appeal)', () => {
  it.each(rows)('%s from %s → %s', (action, status, expected) => {
    const state = { status, extendedDueDate: null, appealStatus: null as Appeal };
    if (expected === null) {
      expect(() => applyTransition(action, state)).toThrow(DomainError);
      try {
        applyTransition(action, state);
      } catch (e) {
        expect((e as DomainError).kind).toBe('invalid_transition');
        expect(contractError(e)?.code).toBe('INVALID_STATE');
      }
    } else {
      expect(applyTransition(action, state).status).toBe(expected);
    }
  });
});

describe('case state machine (appeal and extension memory)', () => {
  it('answering a clarification on an extended case returns to extended', () => {
    expect(applyTransition('answer_clarification', { status: 'clarification_requested', extendedDueDate: '2026-12-01', appealStatus: null }).status).toBe('extended');
  });

  it('files one appeal, decides it once', () => {
    const filed = applyTransition('file_appeal', { status: 'resolved', extendedDueDate: null, appealStatus: null });
    expect(filed).toEqual({ status: 'resolved', appealStatus: 'filed' });
    expect(() => applyTransition('file_appeal', { status: 'resolved', extendedDueDate: null, appealStatus: 'filed' })).toThrow(DomainError);
    const decided = applyTransition('decide_appeal', { status: 'resolved', extendedDueDate: null, appealStatus: 'filed' });
    expect(decided).toEqual({ status: 'resolved', appealStatus: 'decided' });
    expect(() => applyTransition('decide_appeal', { status: 'resolved', extendedDueDate: null, appealStatus: 'decided' })).toThrow(DomainError);
  });

  it('an open case with an appeal against silence can still be resolved', () => {
    expect(applyTransition('resolve', { status: 'received', extendedDueDate: null, appealStatus: 'filed' })).toEqual({ status: 'resolved', appealStatus: 'filed' });
  });
});
