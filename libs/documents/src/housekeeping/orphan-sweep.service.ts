import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@ventanilla/config';
import { OnJob, QUEUES } from '@ventanilla/queue';
import { DataSource } from 'typeorm';
import { DOCUMENTS_SETTINGS, DocumentsSettings } from '../documents-settings';
import { DocumentStorage, StoredObject } from '../storage/document-storage';

const BATCH = 500;

/**
 * Removes stored objects that no document row names. An upload stores its object before its
 * row, so a crash between the two leaves one; objects younger than the grace period may be
 * an upload still being written and are left alone.
 */
@Injectable()
export class OrphanSweep {
  private readonly logger = new Logger(OrphanSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    @Inject(DOCUMENTS_SETTINGS) private readonly settings: DocumentsSettings,
  ) {}

  @OnJob({ queue: QUEUES.documents.name, job: QUEUES.documents.jobs.sweepOrphans })
  async sweep(): Promise<{ checked: number; removed: number }> {
    const cutoff = this.clock.now().getTime() - this.settings.orphanGraceMs;
    let checked = 0;
    let removed = 0;
    let batch: StoredObject[] = [];
    const flush = async () => {
      const keys = batch.map((o) => o.key);
      batch = [];
      const rows: { key: string }[] = await this.dataSource.query(`SELECT storage_key AS key FROM documents WHERE storage_key = ANY($1)`, [keys]);
      const known = new Set(rows.map((r) => r.key));
      for (const key of keys.filter((k) => !known.has(k))) {
        await this.storage.delete(key);
        removed += 1;
      }
    };
    for await (const object of this.storage.list()) {
      if (object.modifiedAt.getTime() > cutoff) continue;
      checked += 1;
      batch.push(object);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    if (removed > 0) this.logger.warn(`Limpieza de documentos: ${removed} objeto(s) sin fila eliminados (${this.storage.driver})`);
    return { checked, removed };
  }
}
