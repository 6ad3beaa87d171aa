import { Inject, Injectable, Logger } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { Case, caseNotFound, Document, DocumentView, isOpen, toDocumentView } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { DataSource, EntityManager } from 'typeorm';
import { DOCUMENTS_SETTINGS, DocumentsSettings } from '../documents-settings';
import { DocumentStorage } from '../storage/document-storage';
import { FormFields, receiveUpload } from './multipart-receiver';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case's officer adds a document while the case is open, to deliver it with the resolution.
 * Order: who and which case first (before a byte is read), then the file is received whole and
 * checked into the spool folder, stored, and only then its row is written. A failure at any step
 * undoes the earlier ones, so there is never a row without bytes nor bytes without a row (a crash
 * between the two leaves an orphan object, which the housekeeping removes).
 */
@Injectable()
export class DocumentUploads {
  private readonly logger = new Logger(DocumentUploads.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    @Inject(DOCUMENTS_SETTINGS) private readonly settings: DocumentsSettings,
  ) {}

  /** `form`: the staff pages' upload form also carries its CSRF token, checked before the file is read. */
  async upload(user: StaffUser, caseId: string, req: IncomingMessage, form?: FormFields): Promise<DocumentView> {
    await this.dataSource.transaction((tx) => this.admissible(tx, user, caseId, false));
    const file = await receiveUpload(req, this.settings, form);
    const id = randomUUID();
    try {
      await this.storage.putFile(id, file.path, file);
      try {
        const saved = await this.dataSource.transaction(async (tx) => {
          await this.admissible(tx, user, caseId, true);
          return tx.save(
            Document,
            tx.create(Document, {
              id,
              caseId,
              storageKey: id,
              name: file.name,
              mediaType: file.mediaType,
              size: file.size,
              sha256: file.sha256,
              public: file.public,
              uploadedAt: this.clock.now(),
              uploadedBy: user.id,
              deliveredAt: null,
            }),
          );
        });
        this.logger.log(`Documento ${id} (${file.mediaType}, ${file.size} bytes) agregado al caso ${caseId}`);
        return toDocumentView(saved);
      } catch (error) {
        await this.storage.delete(id).catch((e: unknown) => this.logger.warn(`No se pudo borrar el objeto ${id}: ${String(e)}; la limpieza lo hará`));
        throw error;
      }
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /**
   * The officer's own subject's open case with room for one more document. Checked before the
   * upload and again, under the case's row lock, before the row is written.
   */
  private async admissible(tx: EntityManager, user: StaffUser, caseId: string, lock: boolean): Promise<void> {
    if (!UUID.test(caseId)) throw caseNotFound();
    const rows: Pick<Case, 'subjectCode' | 'status'>[] = await tx.query(
      `SELECT subject_code AS "subjectCode", status FROM cases WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    const c = rows[0];
    if (!c || user.subjectCode === null || c.subjectCode !== user.subjectCode) throw caseNotFound();
    if (!isOpen(c.status)) {
      throw new AppError('INVALID_STATE', {
        es: 'Solo se agregan documentos a un caso abierto, antes de resolverlo.',
        en: 'Documents are added to an open case, before it is resolved.',
      });
    }
    const count = await tx.count(Document, { where: { caseId } });
    if (count >= this.settings.maxPerCase) {
      throw new AppError('CONFLICT', {
        es: `El caso ya tiene ${count} documentos, el máximo permitido.`,
        en: `The case already has ${count} documents, the maximum allowed.`,
      });
    }
  }
}
