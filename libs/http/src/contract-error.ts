import { isDatabaseUnavailable } from '@ventanilla/database';
import { DomainError, DomainErrorDetails, DomainErrorKind } from '@ventanilla/domain';
import { AppError, Message } from './app-error';
import { ERRORS, ErrorCode, FieldError, Language } from './error-codes';
import { ValidationException } from './validation';
import { fieldErrors } from './validation-messages';

/** A refusal as the contract tells it: status, code, message in the reader's language, field details, headers. */
export interface ContractError {
  status: number;
  code: ErrorCode;
  message: string;
  details: FieldError[];
  headers: Record<string, string>;
}

interface Told {
  code: ErrorCode;
  /** A specific message; without it, the code's default. */
  text?: Message;
  details?: FieldError[];
}

/**
 * Each domain error in the contract's words. Typed per kind, so a new kind does not compile
 * until it is told here.
 */
const DOMAIN_ERRORS: { [K in DomainErrorKind]: (details: DomainErrorDetails[K]) => Told } = {
  case_not_found: () => ({ code: 'NOT_FOUND', text: { es: 'No se encontró el caso.', en: 'The case was not found.' } }),
  invalid_transition: ({ action, status, appealStatus }) => ({
    code: 'INVALID_STATE',
    text: {
      es: `El caso en estado "${status}"${appealStatus ? ` (recurso ${appealStatus})` : ''} no admite la acción "${action}".`,
      en: `A case in status "${status}"${appealStatus ? ` (appeal ${appealStatus})` : ''} does not allow "${action}".`,
    },
  }),
  extension_refused: ({ refusal, dueDate }) => ({
    code: 'EXTENSION_NOT_ALLOWED',
    text:
      refusal === 'already_extended'
        ? {
            es: 'El plazo de este caso ya fue prorrogado; la prórroga procede una sola vez (Art. 43).',
            en: 'This case was already extended; an extension is allowed once (Art. 43).',
          }
        : {
            es: `El plazo original venció el ${dueDate}; la prórroga debe hacerse antes de que concluya (Art. 43).`,
            en: `The original term ended on ${dueDate}; an extension must come before it ends (Art. 43).`,
          },
  }),
  appeal_out_of_time: () => ({
    code: 'INVALID_STATE',
    text: {
      es: 'El recurso de revisión procede dentro de los 15 días hábiles siguientes a la resolución, o una vez vencido el plazo sin respuesta (Art. 55).',
      en: 'An appeal may be filed within 15 business days after the resolution, or once the term expired unanswered (Art. 55).',
    },
  }),
  // The field messages are Spanish in both languages, as they always were.
  not_case_documents: ({ documentIds }) => ({
    code: 'VALIDATION_FAILED',
    details: documentIds.map((id) => ({ field: 'documentIds', message: `${id} no es un documento de este caso` })),
  }),
};

function toldDomain<K extends DomainErrorKind>(error: DomainError<K>): Told {
  return DOMAIN_ERRORS[error.kind](error.details);
}

/**
 * The one mapping from what was refused to the contract's answer: a domain error, an
 * `AppError` of a service, or the validation pipe's errors. Null for anything else (Nest's own
 * exceptions, a bug), which each filter answers its own way. The API's filter renders the
 * result as the error body; the pages' filter and the pages' own catches read its code.
 */
export function contractError(error: unknown, language: Language = 'es'): ContractError | null {
  if (error instanceof DomainError) return tell(toldDomain(error), language, {});
  if (error instanceof AppError) return tell({ code: error.code, text: error.text, details: error.details }, language, error.headers);
  if (error instanceof ValidationException) return tell({ code: 'VALIDATION_FAILED', details: fieldErrors(error.errors, language) }, language, {});
  // A page's read meets the same outage as the API's: the same 503, never a 500 page.
  if (isDatabaseUnavailable(error)) return contractError(databaseUnavailable(), language);
  return null;
}

function tell({ code, text, details = [] }: Told, language: Language, headers: Record<string, string>): ContractError {
  return { status: ERRORS[code].status, code, message: text?.[language] ?? ERRORS[code][language], details, headers };
}

const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL cannot be reached (or timed out): the contract's 503 with Retry-After, never a 500. */
export function databaseUnavailable(): AppError {
  return new AppError('SERVICE_UNAVAILABLE', {
    es: 'La base de datos no responde en este momento. Intente de nuevo en unos segundos.',
    en: 'The database is not answering right now. Try again in a few seconds.',
  }).withHeaders({ 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
}
