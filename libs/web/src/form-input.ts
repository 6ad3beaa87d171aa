/** A query or form value as one trimmed string of at most `max` characters ('' when absent or not text). */
export function queryText(value: unknown, max: number): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.replace(/\u0000/g, '').trim().slice(0, max) : '';
}

/** A form field that may repeat (checkboxes, hidden lists) as a list of strings. */
export function formList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}
