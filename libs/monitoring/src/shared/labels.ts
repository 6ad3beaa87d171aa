import type { Channel, DeliveryFormat } from '@ventanilla/cases';

/**
 * Spanish names of the code's values, as a UIP writes them in its report. Resolution and appeal
 * names are the cases' own (`RESOLUTION_LABELS`… in `@ventanilla/cases`, their `report` register).
 */
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
