import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/** Bytes read before the type is judged: enough for `file-type` to walk an office file's first zip entries. */
export const SNIFF_BYTES = 256 * 1024;

/**
 * Passes an upload through while hashing and counting it. The first bytes are held back until
 * `check` has judged them, so nothing reaches the disk before the type is known to be right.
 */
export class UploadInspector extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private checked = false;

  constructor(private readonly check: (sample: Buffer) => Promise<void>) {
    super();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.checked) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return callback();
    this.release(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.checked) return callback();
    this.release(callback);
  }

  private release(callback: TransformCallback): void {
    const held = Buffer.concat(this.head);
    this.head = [];
    this.checked = true;
    this.check(held.subarray(0, SNIFF_BYTES)).then(
      () => callback(null, held),
      (error: Error) => callback(error),
    );
  }
}
