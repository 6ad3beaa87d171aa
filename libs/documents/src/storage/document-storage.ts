import type { Readable } from 'node:stream';

/** A stored object as a listing shows it. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/** Inclusive byte offsets, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredFileInfo {
  size: number;
  mediaType: string;
  sha256: string;
}

/**
 * Where documents' bytes live. Keys are document ids; the database keeps everything else.
 * The drivers never see a half-received upload: `putFile` gets a file already received
 * whole and checked, so a failed upload stores nothing.
 */
export abstract class DocumentStorage {
  abstract readonly driver: string;

  /** Stores the file at `path` under `key`. The file may be moved away; the caller removes it if not. */
  abstract putFile(key: string, path: string, info: StoredFileInfo): Promise<void>;

  /** The object's bytes (or one range of them). */
  abstract read(key: string, range?: ByteRange): Promise<Readable>;

  /** Removes the object; removing one that is not there is not an error. */
  abstract delete(key: string): Promise<void>;

  /** Every object, for the orphan sweep. */
  abstract list(): AsyncIterable<StoredObject>;
}
