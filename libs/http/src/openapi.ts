import type { OpenAPIObject } from '@nestjs/swagger';
import { ERRORS } from './error-codes';

type Operation = { parameters?: { in: string; name: string }[]; requestBody?: unknown; security?: unknown[]; responses: Record<string, Response> };
type Response = { description?: string; content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> };

/** The contract's error body, as every error answer carries it. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'details'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    error: { type: 'string', enum: Object.keys(ERRORS), description: 'Código estable, para programas' },
    message: { type: 'string', description: 'Para personas; en español salvo Accept-Language: en' },
    details: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    errorId: { type: 'string', description: 'Solo en 500: el mismo identificador está en el registro del servidor' },
  },
};

const RETRY_AFTER = { description: 'Segundos antes de intentar de nuevo', schema: { type: 'integer' } };

/** Errors any operation can answer: a malformed request (400), an internal error (500), the database unreachable (503). */
const EVERYWHERE: Record<string, string> = {
  '400': 'VALIDATION_FAILED: la solicitud tiene datos inválidos',
  '500': 'INTERNAL_ERROR: error interno, con errorId',
  '503': 'SERVICE_UNAVAILABLE: el servicio no está disponible por ahora (Retry-After)',
};
/** …and those with a body: too large, or not JSON. */
const WITH_BODY: Record<string, string> = {
  '413': 'PAYLOAD_TOO_LARGE: el cuerpo excede el límite',
  '415': 'UNSUPPORTED_MEDIA_TYPE: el cuerpo no es application/json',
};

/**
 * Makes the document say what the service really answers: every error response carries the
 * error body's schema (`Error`), the errors every operation can give are listed on each one,
 * and 429/503 document `Retry-After`. Success responses are documented where they are written.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, Operation][]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const add = { ...EVERYWHERE, ...(operation.requestBody ? WITH_BODY : {}) };
      // Express answers a GET whose ETag the client already holds (If-None-Match) with an empty 304.
      if (method === 'get') add['304'] = 'Not Modified: la copia que el cliente tiene (If-None-Match) sigue vigente';
      for (const [status, description] of Object.entries(add)) operation.responses[status] ??= { description };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        response.content ??= { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
        if (status === '429' || status === '503') response.headers = { 'Retry-After': RETRY_AFTER, ...response.headers };
      }
    }
  }
  return document;
}
