import { extname } from 'node:path';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

/** What a UIP delivers by default: PDF, images, office texts and spreadsheets (ODF, OOXML), CSV and text. */
export const DEFAULT_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', ODT, ODS, DOCX, XLSX, 'text/csv', 'text/plain'];

/** The usual extension of each type, to read a generic declaration and to name a file that has none. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  [ODT]: ['odt'],
  [ODS]: ['ods'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/zip': ['zip'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'image/svg+xml': ['svg'],
  'text/html': ['html', 'htm'],
  'application/json': ['json'],
  'application/xml': ['xml'],
};

/** Names browsers and office suites use for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
  'text/xml': 'application/xml',
};

/** Declarations that say nothing: the file's extension decides. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Types without a binary signature: their content must be text (no signature found, no NUL byte). */
export function isTextual(mediaType: string): boolean {
  return mediaType.startsWith('text/') || ['image/svg+xml', 'application/json', 'application/xml'].includes(mediaType);
}

/**
 * The type the client declared for a file, as one canonical name. A generic declaration, and a
 * CSV that Windows browsers call `application/vnd.ms-excel`, are read from the extension.
 */
export function declaredType(partType: string | undefined, fileName: string): string {
  const type = (partType ?? '').split(';')[0].trim().toLowerCase();
  const extension = extname(fileName).slice(1).toLowerCase();
  if (GENERIC.has(type) || (type === 'application/vnd.ms-excel' && extension === 'csv')) return typeOfExtension(extension) ?? type;
  return ALIASES[type] ?? type;
}

export function typeOfExtension(extension: string): string | undefined {
  return Object.keys(EXTENSIONS).find((type) => EXTENSIONS[type].includes(extension.toLowerCase()));
}

export function extensionOf(mediaType: string): string | undefined {
  return EXTENSIONS[mediaType]?.[0];
}

/** Read from DOCUMENTS_ALLOWED_TYPES (comma-separated), aliases resolved. */
export function allowedTypes(setting: string | undefined): string[] {
  if (!setting?.trim()) return DEFAULT_DOCUMENT_TYPES;
  return [...new Set(setting.split(',').map((t) => declaredType(t, '')).filter((t) => /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(t)))];
}

/**
 * Whether the content is what was declared: the signature `file-type` found must name the
 * declared type; a textual type must have no signature at all and no NUL byte in its sample.
 */
export function contentMatches(declared: string, detectedMime: string | undefined, sample: Buffer): boolean {
  if (isTextual(declared)) return detectedMime === undefined && !sample.includes(0);
  return detectedMime !== undefined && (ALIASES[detectedMime] ?? detectedMime) === declared;
}

/** Served inline only when a browser shows it without running anything; everything else is an attachment. */
const INLINE_SAFE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

export function servedInline(mediaType: string): boolean {
  return INLINE_SAFE.has(mediaType);
}
