import type { AppealOutcome, Channel, DeliveryFormat, ResolutionType } from '@ventanilla/cases';

/** Spanish names of the code's values, as a UIP writes them in its report. */
export const DELIVERY_FORMAT_LABELS: Record<DeliveryFormat, string> = {
  electronic: 'Electrónica',
  simple_copy: 'Copia simple',
  certified_copy: 'Copia certificada',
  direct_consultation: 'Consulta directa',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Ventanilla en línea',
  in_person: 'Presencial',
  phone: 'Teléfono',
  mail: 'Correo postal',
  email: 'Correo electrónico',
};

export const RESOLUTION_LABELS: Record<ResolutionType, string> = {
  delivered: 'Información entregada',
  partially_delivered: 'Información entregada parcialmente',
  denied_reserved: 'Denegada: información reservada',
  denied_confidential: 'Denegada: información confidencial',
  denied_no_clarification: 'Denegada: el solicitante no aclaró',
  nonexistent: 'Información inexistente',
};

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  confirmed: 'Confirmada',
  revoked: 'Revocada',
  modified: 'Modificada',
};
