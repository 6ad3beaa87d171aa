/** The contract's stable error codes, each with its status and its default message in both languages. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, es: 'La solicitud tiene datos inválidos.', en: 'The request has invalid data.' },
  UNAUTHORIZED: { status: 401, es: 'Se requiere autenticación.', en: 'Authentication is required.' },
  FORBIDDEN: { status: 403, es: 'No tiene permiso para esta acción.', en: 'You are not allowed to do this.' },
  ACCESS_CODE_INVALID: { status: 403, es: 'El código de acceso no es válido.', en: 'The access code is not valid.' },
  NOT_FOUND: { status: 404, es: 'No se encontró el recurso solicitado.', en: 'The resource was not found.' },
  METHOD_NOT_ALLOWED: { status: 405, es: 'Método no permitido.', en: 'Method not allowed.' },
  NOT_ACCEPTABLE: { status: 406, es: 'Formato de respuesta no disponible.', en: 'Response format not available.' },
  CONFLICT: { status: 409, es: 'La operación entra en conflicto con el estado actual.', en: 'The operation conflicts with the current state.' },
  INVALID_STATE: { status: 409, es: 'El caso no admite esta acción en su estado actual.', en: 'The case does not allow this action in its current state.' },
  EXTENSION_NOT_ALLOWED: { status: 409, es: 'La prórroga no está permitida.', en: 'The extension is not allowed.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, es: 'La clave de idempotencia ya se usó con otro contenido.', en: 'The idempotency key was already used with a different body.' },
  PAYLOAD_TOO_LARGE: { status: 413, es: 'El cuerpo de la solicitud es demasiado grande.', en: 'The request body is too large.' },
  RANGE_NOT_SATISFIABLE: { status: 416, es: 'El rango pedido está fuera del documento.', en: 'The requested range is outside the document.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, es: 'Tipo de contenido no admitido; use application/json.', en: 'Unsupported content type; use application/json.' },
  RATE_LIMITED: { status: 429, es: 'Demasiados intentos. Intente de nuevo más tarde.', en: 'Too many attempts. Try again later.' },
  INTERNAL_ERROR: { status: 500, es: 'Error interno. Si persiste, comunique el identificador del error.', en: 'Internal error. If it persists, report the error id.' },
  SERVICE_UNAVAILABLE: { status: 503, es: 'Servicio no disponible temporalmente.', en: 'Service temporarily unavailable.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;
export type Language = 'es' | 'en';

export interface FieldError {
  field: string;
  message: string;
}

/** The contract's error body. */
export interface ErrorBody {
  statusCode: number;
  error: ErrorCode;
  message: string;
  details: FieldError[];
  errorId?: string;
}
