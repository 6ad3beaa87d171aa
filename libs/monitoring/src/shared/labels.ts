import type { AppealGround, AppealOutcome, Channel, DeliveryFormat, ResolutionType } from '@ventanilla/cases';

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

/** Art. 55's causales, as a report words them. */
export const APPEAL_GROUND_LABELS: Record<AppealGround, string> = {
  denied: 'Negativa de acceso',
  nonexistent: 'Declaración de inexistencia',
  incomplete: 'Información incompleta o que no corresponde',
  personal_data: 'Datos personales no entregados o no corregidos',
  no_answer: 'Falta de respuesta',
  delivery_expired: 'Vencimiento del plazo de entrega',
};

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  confirmed: 'Confirmada',
  revoked: 'Revocada',
  modified: 'Modificada',
};
