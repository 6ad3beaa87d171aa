import { Inject, Injectable, Logger } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { CaseWrite, CaseWrites, caseNotFound, Document, DocumentView, isOpen, toDocumentView } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
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
 *
 * The case is locked and loaded through the cases' one write door (`CaseWrites.run`, whose
 * `CaseStore` takes the row lock), the lock a resolution takes too: an upload and a resolution of
 * the same case take turns, so no document is added once the case is resolved.
 */
@Injectable()
export class DocumentUploads {
  private readonly logger = new Logger(DocumentUploads.name);

  constructor(
    private readonly writes: CaseWrites,
    private readonly storage: DocumentStorage,
    @Inject(DOCUMENTS_SETTINGS) private readonly settings: DocumentsSettings,
  ) {}

  /** `form`: the staff pages' upload form also carries its CSRF token, checked before the file is read. */
  async upload(user: StaffUser, caseId: string, req: IncomingMessage, form?: FormFields): Promise<DocumentView> {
    // Before a byte is read; the lock is held only for the check.
    await this.writes.run((w) => this.admissible(w, user, caseId));
    const file = await receiveUpload(req, this.settings, form);
    const id = randomUUID();
    try {
      await this.storage.putFile(id, file.path, file);
      try {
        const saved = await this.writes.run(async (w) => {
          await this.admissible(w, user, caseId);
          return w.tx.save(
            Document,
            w.tx.create(Document, {
              id,
              caseId,
              storageKey: id,
              name: file.name,
              mediaType: file.mediaType,
              size: file.size,
              sha256: file.sha256,
              public: file.public,
              uploadedAt: w.now,
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
   * The officer's own subject's open case with room for one more document, under the case's row
   * lock. Checked before the upload and again before the row is written.
   */
  private async admissible(w: CaseWrite, user: StaffUser, caseId: string): Promise<void> {
    const c = UUID.test(caseId) ? await w.lock(caseId) : null;
    if (!c || user.subjectCode === null || c.subjectCode !== user.subjectCode) throw caseNotFound();
    if (!isOpen(c.status)) {
      throw new AppError('INVALID_STATE', {
        es: 'Solo se agregan documentos a un caso abierto, antes de resolverlo.',
        en: 'Documents are added to an open case, before it is resolved.',
      });
    }
    const count = await w.tx.count(Document, { where: { caseId } });
    if (count >= this.settings.maxPerCase) {
      throw new AppError('CONFLICT', {
        es: `El caso ya tiene ${count} documentos, el máximo permitido.`,
        en: `The case already has ${count} documents, the maximum allowed.`,
      });
    }
  }
}
