import type { AppealGround, AppealOutcome, ResolutionType } from './case.entity';

/**
 * The Spanish names of a resolution's type, an appeal's grounds and its outcome, written once.
 * Each has two registers: how a notice to the requester says it inside a sentence ("la UIP
 * resolvió: se entrega la información solicitada"), and how a report or a table names it
 * (the Art. 48 report's CSV). The pages read theirs from the web catalogue (`libs/web/src/messages`),
 * where the citizen's own plain words live with the other page texts.
 */
export const RESOLUTION_LABELS: Record<ResolutionType, { notice: string; report: string }> = {
  delivered: { notice: 'se entrega la información solicitada', report: 'Información entregada' },
  partially_delivered: { notice: 'se entrega parte de la información solicitada', report: 'Información entregada parcialmente' },
  denied_reserved: { notice: 'se deniega por tratarse de información reservada', report: 'Denegada: información reservada' },
  denied_confidential: { notice: 'se deniega por tratarse de información confidencial', report: 'Denegada: información confidencial' },
  denied_no_clarification: { notice: 'se deniega porque la solicitud no fue aclarada', report: 'Denegada: el solicitante no aclaró' },
  nonexistent: { notice: 'la información solicitada no existe', report: 'Información inexistente' },
};

/** Art. 55's causales. */
export const APPEAL_GROUND_LABELS: Record<AppealGround, { notice: string; report: string }> = {
  denied: { notice: 'negativa de acceso a la información', report: 'Negativa de acceso' },
  nonexistent: { notice: 'declaración de inexistencia de la información', report: 'Declaración de inexistencia' },
  incomplete: { notice: 'información entregada incompleta o que no corresponde a lo solicitado', report: 'Información incompleta o que no corresponde' },
  personal_data: { notice: 'datos personales no entregados o no corregidos', report: 'Datos personales no entregados o no corregidos' },
  no_answer: { notice: 'falta de respuesta en el plazo', report: 'Falta de respuesta' },
  delivery_expired: { notice: 'vencimiento del plazo para la entrega de la información', report: 'Vencimiento del plazo de entrega' },
};

/** Art. 59: what the máxima autoridad did with the resolution. */
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, { notice: string; report: string }> = {
  confirmed: { notice: 'confirmó la resolución recurrida', report: 'Confirmada' },
  revoked: { notice: 'revocó la resolución recurrida', report: 'Revocada' },
  modified: { notice: 'modificó la resolución recurrida', report: 'Modificada' },
};

type Register = 'notice' | 'report';

/** One register of a label table, as a plain code → text map. */
export function labelsIn<K extends string>(table: Record<K, { notice: string; report: string }>, register: Register): Record<K, string> {
  return Object.fromEntries(Object.entries<{ notice: string; report: string }>(table).map(([k, v]) => [k, v[register]])) as Record<K, string>;
}
