import { Transform, TransformCallback } from 'node:stream';
import { csvLine } from '../shared/csv';

/** Rows are gathered into chunks of about this many characters: fewer, larger writes to the socket. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Turns rows (arrays in column order, as pg-query-stream gives them with rowMode 'array') into
 * text, holding at most one chunk: memory stays flat however many rows pass.
 */
abstract class RowEncoder extends Transform {
  private buffer = '';
  private rows = 0;

  constructor(protected readonly columns: readonly string[]) {
    super({ writableObjectMode: true });
  }

  protected abstract prelude(): string;
  protected abstract encode(values: readonly unknown[], index: number): string;
  protected abstract epilogue(): string;

  override _transform(values: unknown[], _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.rows === 0) this.buffer += this.prelude();
    this.buffer += this.encode(values, this.rows++);
    if (this.buffer.length >= CHUNK_CHARS) {
      this.push(this.buffer);
      this.buffer = '';
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.rows === 0) this.buffer += this.prelude();
    this.push(this.buffer + this.epilogue());
    this.buffer = '';
    callback();
  }
}

/** RFC 4180 CSV, header first. No BOM: open data is read by programs, which take plain UTF-8. */
export class CsvRowEncoder extends RowEncoder {
  protected prelude(): string {
    return csvLine(this.columns);
  }

  protected encode(values: readonly unknown[]): string {
    return csvLine(values);
  }

  protected epilogue(): string {
    return '';
  }
}

/** One JSON array of objects, one per line, written as the rows arrive. */
export class JsonRowEncoder extends RowEncoder {
  /** `{"caseId":`, `,"subjectCode":`…: written once, so each row only encodes its values (3× faster than an object per row). */
  private readonly keys = this.columns.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);

  protected prelude(): string {
    return '[';
  }

  protected encode(values: readonly unknown[], index: number): string {
    let json = index === 0 ? '\n' : ',\n';
    for (let i = 0; i < this.keys.length; i++) json += this.keys[i] + jsonValue(values[i]);
    return `${json}}`;
  }

  protected epilogue(): string {
    return '\n]\n';
  }
}

/** The scalars a row holds: text, numbers, booleans, null; anything else through JSON.stringify. */
function jsonValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}
