/** One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF, as RFC 4180 and spreadsheet programs expect. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Lets Excel (what most UIPs open a CSV with) read the file as UTF-8, accents included. */
export const UTF8_BOM = '\uFEFF';
