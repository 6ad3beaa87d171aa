/**
 * How a page names a document's file: its kind in words people know ("PDF", "Hoja de cálculo")
 * rather than a media type, and its size in bytes, KB or MB with a decimal comma, so a citizen on
 * a prepaid phone knows what a download costs before tapping it.
 */

/** The catalogue key (`documento.tipo.<kind>`) for a media type; anything else is `otro`. */
export function documentKind(mediaType: string): string {
  return KINDS[mediaType.split(';')[0].trim().toLowerCase()] ?? 'otro';
}

const KINDS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'imagen',
  'image/jpeg': 'imagen',
  'image/gif': 'imagen',
  'image/webp': 'imagen',
  'image/tiff': 'imagen',
  'application/vnd.oasis.opendocument.text': 'texto',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'texto',
  'application/vnd.oasis.opendocument.spreadsheet': 'hoja',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'hoja',
  'application/vnd.oasis.opendocument.presentation': 'presentacion',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentacion',
  'text/csv': 'csv',
  'text/plain': 'textoPlano',
  'application/zip': 'zip',
};

/** "830 bytes", "12 KB", "1,5 MB" (1 KB = 1024 bytes, as phones and file managers count). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${decimal(kb)} KB`;
  return `${decimal(kb / 1024)} MB`;
}

/** One decimal below 10, none above; a decimal comma as Guatemala writes it. */
function decimal(value: number): string {
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(rounded).replace('.', ',');
}
