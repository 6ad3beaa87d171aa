import parseRange from 'range-parser';
import type { ByteRange } from '../storage/document-storage';

/**
 * What to send for a `Range` header: the whole file, one range (206), or 416. Several ranges
 * are answered whole (allowed by RFC 9110), and so is a range whose `If-Range` no longer matches.
 */
export function rangeToSend(size: number, header: string | undefined, ifRange: string | undefined, etag: string):
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  | { kind: 'unsatisfiable' } {
  if (!header || (ifRange !== undefined && ifRange !== etag)) return { kind: 'whole' };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return { kind: 'unsatisfiable' };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { kind: 'whole' };
  return { kind: 'partial', range: { start: ranges[0].start, end: ranges[0].end } };
}
