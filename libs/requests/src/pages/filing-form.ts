import { DELIVERY_FORMATS } from '@ventanilla/cases';
import { FieldError } from '@ventanilla/http';
import { PageFieldError, Translate } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FileRequestDto } from '../file-request.dto';
import { formList, queryText } from '@ventanilla/web';

/** Languages a requester may ask to be answered in (ISO 639): Spanish and the most spoken Mayan languages. */
export const REQUESTER_LANGUAGES = ['es', 'quc', 'mam', 'cak', 'kek'] as const;
export const MAX_SUBJECTS = 20;

/** What the filing form holds between post-backs: every field as typed, so nothing is lost. */
export interface FilingForm {
  subjects: string[];
  q: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  deliveryFormat: string;
  language: string;
  /** The form's idempotency key: a double click or a resent post files once. */
  key: string;
}

export function readFilingForm(body: Record<string, unknown>): FilingForm {
  const subjects = [...new Set(formList(body.sujetos).map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z0-9-]{1,40}$/.test(c)))];
  return {
    subjects: subjects.slice(0, MAX_SUBJECTS + 1),
    q: queryText(body.q, 100),
    description: queryText(body.descripcion, 10_000),
    name: queryText(body.nombre, 200),
    email: queryText(body.correo, 254),
    phone: queryText(body.telefono, 30),
    address: queryText(body.direccion, 500),
    deliveryFormat: queryText(body.formato, 40) || 'electronic',
    language: queryText(body.idioma, 3) || 'es',
    key: queryText(body.clave, 64),
  };
}

/** The API's body, so the API's DTO (its rules, and any rule added to it later) judges the form. */
export function toFileRequest(form: FilingForm): Record<string, unknown> {
  return {
    subjects: form.subjects,
    description: form.description,
    requester: {
      name: form.name,
      ...(form.email ? { email: form.email } : {}),
      ...(form.phone ? { phone: form.phone } : {}),
      ...(form.address ? { address: form.address } : {}),
    },
    deliveryFormat: form.deliveryFormat,
    language: form.language,
  };
}

/** The form's input ids by the DTO's property paths. */
const FIELD_IDS: Record<string, string> = {
  subjects: 'sujetos',
  description: 'descripcion',
  'requester.name': 'nombre',
  'requester.email': 'correo',
  'requester.phone': 'telefono',
  'requester.address': 'direccion',
  deliveryFormat: 'formato',
  language: 'idioma',
};
/** In the order the fields appear, so the error summary reads top to bottom. */
const FIELD_ORDER = ['sujetos', 'descripcion', 'nombre', 'correo', 'telefono', 'direccion', 'formato', 'idioma'];

/** The form as the API's filing body, and the input ids of the fields its DTO refuses. */
export async function checkFilingForm(form: FilingForm): Promise<{ dto: FileRequestDto; invalid: string[] }> {
  const dto = plainToInstance(FileRequestDto, toFileRequest(form));
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return { dto, invalid: [...new Set(flatten(errors).map((path) => FIELD_IDS[path]).filter(Boolean))] };
}

/** A service's field errors (e.g. an inactive body) as the form's input ids. */
export function fieldsOf(details: FieldError[]): string[] {
  return [...new Set(details.map((d) => FIELD_IDS[d.field] ?? 'sujetos'))];
}

/** One plain sentence per field from the catalogue, GOV.UK style: what to do, not what failed. */
export function fieldErrors(fields: string[], t: Translate): PageFieldError[] {
  return FIELD_ORDER.filter((f) => fields.includes(f)).map((field) => ({
    field,
    message: t(`solicitar.errores.${field}`, { max: MAX_SUBJECTS }),
  }));
}

export function deliveryOptions(t: Translate) {
  return DELIVERY_FORMATS.map((value) => ({ value, label: t(`formato.${value}`), hint: t(`formato.${value}Ayuda`) }));
}

export function languageOptions(t: Translate) {
  return REQUESTER_LANGUAGES.map((value) => ({ value, label: t(`idioma.${value}`) }));
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return e.children?.length ? flatten(e.children, path) : [path];
  });
}
