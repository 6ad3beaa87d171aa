import { extensionOf } from './media-types';

const MAX_LENGTH = 200;

/**
 * A name safe to store, show and send back in Content-Disposition: the last path segment,
 * NFC, without control or format characters nor the ones file systems refuse (`<>:"/\|?*`),
 * spaces collapsed, no leading dots, at most 200 characters with the extension kept. A name
 * left empty becomes `documento`, and a name without an extension gets its type's.
 */
export function sanitizeFileName(raw: string, mediaType: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  let extension = dot > 0 ? name.slice(dot + 1) : '';
  let base = dot > 0 ? name.slice(0, dot) : name;
  if (!/^[\p{L}\p{N}]{1,10}$/u.test(extension)) {
    base = name;
    extension = extensionOf(mediaType) ?? '';
  }
  if (!base) base = 'documento';
  const room = MAX_LENGTH - (extension ? extension.length + 1 : 0);
  base = [...base].slice(0, room).join('').trim();
  name = extension ? `${base}.${extension}` : base;
  return name;
}
