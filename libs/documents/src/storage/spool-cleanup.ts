import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENTS_SETTINGS, DocumentsSettings } from '../documents-settings';

/** At api start: uploads a crashed process left half-received in the spool folder go. */
@Injectable()
export class SpoolCleanup implements OnApplicationBootstrap {
  private readonly logger = new Logger(SpoolCleanup.name);

  constructor(@Inject(DOCUMENTS_SETTINGS) private readonly settings: DocumentsSettings) {}

  async onApplicationBootstrap(): Promise<void> {
    const cutoff = Date.now() - this.settings.orphanGraceMs;
    const names = await readdir(this.settings.spoolDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.upload'))) {
      const path = join(this.settings.spoolDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    if (removed > 0) this.logger.warn(`${removed} envío(s) a medio recibir eliminados de ${this.settings.spoolDir}`);
  }
}
