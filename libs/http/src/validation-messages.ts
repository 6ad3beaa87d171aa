import { getMetadataStorage, ValidationError } from 'class-validator';
import { FieldError, Language } from './error-codes';

type Template = (args: unknown[]) => string;

/** Field messages by class-validator constraint name, in Spanish and English. */
const TEMPLATES: Record<string, { es: Template; en: Template }> = {
  whitelistValidation: { es: () => 'campo no permitido', en: () => 'field not allowed' },
  isDefined: { es: () => 'es obligatorio', en: () => 'is required' },
  isNotEmpty: { es: () => 'no puede estar vacío', en: () => 'must not be empty' },
  isString: { es: () => 'debe ser texto', en: () => 'must be a string' },
  isInt: { es: () => 'debe ser un número entero', en: () => 'must be an integer' },
  isNumber: { es: () => 'debe ser un número', en: () => 'must be a number' },
  isBoolean: { es: () => 'debe ser verdadero o falso', en: () => 'must be a boolean' },
  isArray: { es: () => 'debe ser una lista', en: () => 'must be an array' },
  isObject: { es: () => 'debe ser un objeto', en: () => 'must be an object' },
  nestedValidation: { es: () => 'debe ser un objeto', en: () => 'must be an object' },
  isEmail: { es: () => 'debe ser un correo electrónico válido', en: () => 'must be a valid email address' },
  isIn: {
    es: ([values]) => `debe ser uno de: ${(values as unknown[]).join(', ')}`,
    en: ([values]) => `must be one of: ${(values as unknown[]).join(', ')}`,
  },
  isEnum: { es: () => 'valor no permitido', en: () => 'value not allowed' },
  minLength: { es: ([n]) => `debe tener al menos ${n} caracteres`, en: ([n]) => `must have at least ${n} characters` },
  maxLength: { es: ([n]) => `debe tener como máximo ${n} caracteres`, en: ([n]) => `must have at most ${n} characters` },
  isLength: {
    es: ([a, b]) => `debe tener entre ${a} y ${b} caracteres`,
    en: ([a, b]) => `must have between ${a} and ${b} characters`,
  },
  arrayMinSize: { es: ([n]) => `debe tener al menos ${n} elemento(s)`, en: ([n]) => `must have at least ${n} item(s)` },
  arrayMaxSize: { es: ([n]) => `debe tener como máximo ${n} elementos`, en: ([n]) => `must have at most ${n} items` },
  arrayUnique: { es: () => 'no puede tener elementos repetidos', en: () => 'must not repeat items' },
  min: { es: ([n]) => `debe ser mayor o igual a ${n}`, en: ([n]) => `must be at least ${n}` },
  max: { es: ([n]) => `debe ser menor o igual a ${n}`, en: ([n]) => `must be at most ${n}` },
  matches: { es: () => 'tiene un formato inválido', en: () => 'has an invalid format' },
  isISO8601: {
    es: () => 'debe ser una fecha y hora ISO-8601 con zona horaria',
    en: () => 'must be an ISO-8601 instant with offset',
  },
  isDateString: { es: () => 'debe ser una fecha ISO-8601', en: () => 'must be an ISO-8601 date' },
  isUUID: { es: () => 'debe ser un identificador UUID', en: () => 'must be a UUID' },
  noLink: { es: () => 'no puede contener enlaces ni direcciones web', en: () => 'must not contain links or web addresses' },
  hasVisibleCharacter: { es: () => 'debe tener al menos un carácter visible', en: () => 'must have at least one visible character' },
};

function constraintArgs(error: ValidationError, name: string): unknown[] {
  if (!error.target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(error.target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === name || m.type === name));
  return metadata?.constraints ?? [];
}

/**
 * The template's message; when it cannot be rendered (its arguments were not found, as for a
 * body that is not an object) or there is none (custom decorators carry their own Spanish
 * message), class-validator's own.
 */
function render(template: Template | undefined, args: unknown[], fallback: string): string {
  if (!template) return fallback;
  try {
    return template(args);
  } catch {
    return fallback;
  }
}

/** Flattens class-validator errors into the contract's `details`, with dotted field paths. */
export function fieldErrors(errors: ValidationError[], language: Language, parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, fallback]) => ({
      field,
      message: render(TEMPLATES[name]?.[language], constraintArgs(error, name), fallback),
    }));
    return [...own, ...fieldErrors(error.children ?? [], language, field)];
  });
}
