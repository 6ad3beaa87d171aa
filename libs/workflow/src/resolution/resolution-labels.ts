import { ResolutionType } from '@ventanilla/cases';

/** Each outcome of Art. 42 as the requester reads it. */
export const RESOLUTION_LABELS: Record<ResolutionType, string> = {
  delivered: 'se entrega la información solicitada',
  partially_delivered: 'se entrega parte de la información solicitada',
  denied_reserved: 'se deniega por tratarse de información reservada',
  denied_confidential: 'se deniega por tratarse de información confidencial',
  denied_no_clarification: 'se deniega porque la solicitud no fue aclarada',
  nonexistent: 'la información solicitada no existe',
};
