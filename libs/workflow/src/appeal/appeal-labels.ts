import { AppealOutcome } from '@ventanilla/cases';

/** Art. 55's grounds for a recurso de revisión. */
export const APPEAL_GROUNDS = ['denied', 'nonexistent', 'incomplete', 'personal_data', 'no_answer', 'delivery_expired'] as const;
export type AppealGrounds = (typeof APPEAL_GROUNDS)[number];

export const APPEAL_GROUNDS_LABELS: Record<AppealGrounds, string> = {
  denied: 'negativa de acceso a la información',
  nonexistent: 'declaración de inexistencia de la información',
  incomplete: 'información entregada incompleta o que no corresponde a lo solicitado',
  personal_data: 'datos personales no entregados o no corregidos',
  no_answer: 'falta de respuesta en el plazo',
  delivery_expired: 'vencimiento del plazo para la entrega de la información',
};

/** Art. 59: what the máxima autoridad did with the resolution. */
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  confirmed: 'confirmó la resolución recurrida',
  revoked: 'revocó la resolución recurrida',
  modified: 'modificó la resolución recurrida',
};
