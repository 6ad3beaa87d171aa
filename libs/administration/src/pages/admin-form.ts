import { FieldError, fieldErrors } from '@ventanilla/http';
import { PageFieldError, queryText, Translate } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/** Rows per page in the admin's lists: a screenful on a phone, few queries on the server. */
export const PAGE_SIZE = 50;

/**
 * A page's form judged by the API's own DTO (its rules, and any rule added to it later), with
 * the same options as the API's validation pipe. `invalid` holds the DTO's field paths.
 */
export async function checkWithDto<T extends object>(type: new () => T, body: Record<string, unknown>): Promise<{ dto: T; invalid: FieldError[] }> {
  const dto = plainToInstance(type, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return { dto, invalid: fieldErrors(errors, 'es') };
}

/**
 * One error per input, in the order the inputs appear: the catalogue's sentence for the field
 * (`admin.errores.<id>`, what to do), or — for what only the service knows, such as a subject
 * that does not exist — the service's own Spanish detail as a sentence.
 */
export function pageErrors(
  details: FieldError[],
  ids: Record<string, string>,
  order: string[],
  t: Translate,
  options: { serviceDetails?: boolean } = {},
): PageFieldError[] {
  const byId = new Map<string, string>();
  for (const d of details) {
    const id = ids[d.field] ?? order[0];
    if (byId.has(id)) continue;
    byId.set(id, options.serviceDetails ? sentence(d.message) : t(`admin.errores.${id}`));
  }
  return order.filter((id) => byId.has(id)).map((field) => ({ field, message: byId.get(field)! }));
}

/** "no existe un sujeto…" → "No existe un sujeto….". */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** An optional text field: '' means "not given" (or "clear it", where the DTO takes null). */
export function optional(value: unknown, max: number): string | undefined {
  const text = queryText(value, max);
  return text === '' ? undefined : text;
}

/** `?pagina=3` as an offset; anything that is not a page number is page 1. */
export function pageOf(value: unknown): { page: number; offset: number } {
  const page = Number(queryText(value, 6));
  const safe = Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
  return { page: safe, offset: (safe - 1) * PAGE_SIZE };
}

export interface Pager {
  page: number;
  pages: number;
  total: number;
  previous: string | null;
  next: string | null;
}

/** The links to the previous and next pages, keeping the list's filters in the address. */
export function pager(path: string, filters: Record<string, string | undefined>, page: number, total: number): Pager {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (n: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
    if (n > 1) query.set('pagina', String(n));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return { page, pages, total, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null };
}
