import { AppealGround, appealGroundOf, AppealOutcome } from '@ventanilla/cases';

export const APPEAL_GROUNDS_LABELS: Record<AppealGround, string> = {
  denied: 'negativa de acceso a la información',
  nonexistent: 'declaración de inexistencia de la información',
  incomplete: 'información entregada incompleta o que no corresponde a lo solicitado',
  personal_data: 'datos personales no entregados o no corregidos',
  no_answer: 'falta de respuesta en el plazo',
  delivery_expired: 'vencimiento del plazo para la entrega de la información',
};

/** How mails name the grounds: the Art. 55 wording for a recognized code, else the requester's own words. */
export function appealGroundsLabel(grounds: string): string {
  const code = appealGroundOf(grounds);
  return code ? APPEAL_GROUNDS_LABELS[code] : grounds;
}

/** Art. 59: what the máxima autoridad did with the resolution. */
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  confirmed: 'confirmó la resolución recurrida',
  revoked: 'revocó la resolución recurrida',
  modified: 'modificó la resolución recurrida',
};
