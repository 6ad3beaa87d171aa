import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ByteRange, DocumentStorage, StoredObject } from './document-storage';

const KEY = /^[0-9a-f-]{36}(\.partial-[0-9a-f]+)?$/;

/**
 * Documents in a folder of this machine, two-level (`ab/abcdef…`) so no directory grows huge.
 * A file is renamed into place whole, so a reader never sees half of one.
 */
export class LocalDocumentStorage extends DocumentStorage {
  readonly driver = 'local';

  constructor(private readonly root: string) {
    super();
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    try {
      await rename(path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // The spool folder is on another disk: copy beside the target, then rename into place.
      const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
      try {
        await copyFile(path, partial);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    await stat(path); // a missing object fails here, before any header is sent
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const shards = await readdir(this.root, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    for (const shard of shards) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
      for (const name of await readdir(join(this.root, shard.name))) {
        if (!KEY.test(name)) continue;
        const info = await stat(join(this.root, shard.name, name)).catch(() => null);
        if (info) yield { key: name, modifiedAt: info.mtime };
      }
    }
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`Clave de documento inválida: ${key}`);
    return join(this.root, key.slice(0, 2), key);
  }
}
