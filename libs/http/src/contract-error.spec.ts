import { NotFoundException } from '@nestjs/common';
import { DomainError, DomainErrorDetails, DomainErrorKind } from '@ventanilla/domain';
import { ValidationError } from 'class-validator';
import { AppError } from './app-error';
import { contractError } from './contract-error';
import { errorBody } from './exception.filter';
import { ValidationException } from './validation';

interface Expected {
  error: DomainError;
  /** The body the API answers, byte for byte, in Spanish and in English. */
  es: string;
  en: string;
}

// One entry per kind (the type makes a new kind fail to compile until it is here). The
// bodies are the ones the API gave when the domain threw AppErrors with these texts.
const KINDS: { [K in DomainErrorKind]: (details: DomainErrorDetails[K]) => DomainError<K> } = {
  case_not_found: (d) => new DomainError('case_not_found', d),
  invalid_transition: (d) => new DomainError('invalid_transition', d),
  extension_refused: (d) => new DomainError('extension_refused', d),
  appeal_out_of_time: (d) => new DomainError('appeal_out_of_time', d),
  not_case_documents: (d) => new DomainError('not_case_documents', d),
};

const CASES: Record<string, Expected> = {
  case_not_found: {
    error: KINDS.case_not_found({}),
    es: '{"statusCode":404,"error":"NOT_FOUND","message":"No se encontró el caso.","details":[]}',
    en: '{"statusCode":404,"error":"NOT_FOUND","message":"The case was not found.","details":[]}',
  },
  invalid_transition: {
    error: KINDS.invalid_transition({ action: 'extend', status: 'resolved', appealStatus: null }),
    es: '{"statusCode":409,"error":"INVALID_STATE","message":"El caso en estado \\"resolved\\" no admite la acción \\"extend\\".","details":[]}',
    en: '{"statusCode":409,"error":"INVALID_STATE","message":"A case in status \\"resolved\\" does not allow \\"extend\\".","details":[]}',
  },
  'invalid_transition with an appeal': {
    error: KINDS.invalid_transition({ action: 'file_appeal', status: 'resolved', appealStatus: 'filed' }),
    es: '{"statusCode":409,"error":"INVALID_STATE","message":"El caso en estado \\"resolved\\" (recurso filed) no admite la acción \\"file_appeal\\".","details":[]}',
    en: '{"statusCode":409,"error":"INVALID_STATE","message":"A case in status \\"resolved\\" (appeal filed) does not allow \\"file_appeal\\".","details":[]}',
  },
  'extension_refused: already extended': {
    error: KINDS.extension_refused({ refusal: 'already_extended', dueDate: '2026-04-17' }),
    es: '{"statusCode":409,"error":"EXTENSION_NOT_ALLOWED","message":"El plazo de este caso ya fue prorrogado; la prórroga procede una sola vez (Art. 43).","details":[]}',
    en: '{"statusCode":409,"error":"EXTENSION_NOT_ALLOWED","message":"This case was already extended; an extension is allowed once (Art. 43).","details":[]}',
  },
  'extension_refused: term ended': {
    error: KINDS.extension_refused({ refusal: 'term_ended', dueDate: '2026-04-17' }),
    es: '{"statusCode":409,"error":"EXTENSION_NOT_ALLOWED","message":"El plazo original venció el 2026-04-17; la prórroga debe hacerse antes de que concluya (Art. 43).","details":[]}',
    en: '{"statusCode":409,"error":"EXTENSION_NOT_ALLOWED","message":"The original term ended on 2026-04-17; an extension must come before it ends (Art. 43).","details":[]}',
  },
  appeal_out_of_time: {
    error: KINDS.appeal_out_of_time({}),
    es: '{"statusCode":409,"error":"INVALID_STATE","message":"El recurso de revisión procede dentro de los 15 días hábiles siguientes a la resolución, o una vez vencido el plazo sin respuesta (Art. 55).","details":[]}',
    en: '{"statusCode":409,"error":"INVALID_STATE","message":"An appeal may be filed within 15 business days after the resolution, or once the term expired unanswered (Art. 55).","details":[]}',
  },
  not_case_documents: {
    error: KINDS.not_case_documents({ documentIds: ['d1', 'd2'] }),
    es: '{"statusCode":400,"error":"VALIDATION_FAILED","message":"La solicitud tiene datos inválidos.","details":[{"field":"documentIds","message":"d1 no es un documento de este caso"},{"field":"documentIds","message":"d2 no es un documento de este caso"}]}',
    en: '{"statusCode":400,"error":"VALIDATION_FAILED","message":"The request has invalid data.","details":[{"field":"documentIds","message":"d1 no es un documento de este caso"},{"field":"documentIds","message":"d2 no es un documento de este caso"}]}',
  },
};

describe('contractError: every domain error in the contract', () => {
  it('covers every kind', () => {
    const covered = new Set(Object.values(CASES).map((c) => c.error.kind));
    expect([...covered].sort()).toEqual((Object.keys(KINDS) as DomainErrorKind[]).sort());
  });

  it.each(Object.entries(CASES))('%s', (_, { error, es, en }) => {
    expect(JSON.stringify(errorBody(error, 'es').body)).toBe(es);
    expect(JSON.stringify(errorBody(error, 'en').body)).toBe(en);
    const told = contractError(error)!;
    expect({ status: told.status, code: told.code, message: told.message, headers: told.headers }).toEqual({
      status: JSON.parse(es).statusCode,
      code: JSON.parse(es).error,
      message: JSON.parse(es).message,
      headers: {},
    });
  });
});

describe('contractError: the services\' errors and validation', () => {
  it('tells an AppError with its own text, details and headers', () => {
    const error = new AppError('RATE_LIMITED', { es: 'Espere.', en: 'Wait.' }, [{ field: 'x', message: 'y' }]).withHeaders({ 'Retry-After': '5' });
    expect(contractError(error, 'en')).toEqual({ status: 429, code: 'RATE_LIMITED', message: 'Wait.', details: [{ field: 'x', message: 'y' }], headers: { 'Retry-After': '5' } });
    expect(errorBody(error, 'es')).toEqual({
      body: { statusCode: 429, error: 'RATE_LIMITED', message: 'Espere.', details: [{ field: 'x', message: 'y' }] },
      headers: { 'Retry-After': '5' },
    });
  });

  it('tells an AppError without text in the code\'s default words', () => {
    expect(contractError(new AppError('CONFLICT'))).toMatchObject({ status: 409, code: 'CONFLICT', message: 'La operación entra en conflicto con el estado actual.' });
  });

  it('tells the validation pipe\'s errors as VALIDATION_FAILED with their fields', () => {
    const error = Object.assign(new ValidationError(), { property: 'reason', target: {}, constraints: { isNotEmpty: 'reason should not be empty' }, children: [] });
    expect(contractError(new ValidationException([error]))).toEqual({
      status: 400, code: 'VALIDATION_FAILED', message: 'La solicitud tiene datos inválidos.', details: [{ field: 'reason', message: 'no puede estar vacío' }], headers: {},
    });
  });

  it('leaves Nest\'s own exceptions and bugs to each filter', () => {
    expect(contractError(new NotFoundException())).toBeNull();
    expect(contractError(new Error('boom'))).toBeNull();
    expect(contractError('text')).toBeNull();
  });
});
