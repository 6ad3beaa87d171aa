import { Injectable, Logger } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { CaseStatus, CaseWrite, CaseWrites, caseNotFound, Document, DocumentView, isOpen, toDocumentView } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';
import { documentNotFound } from '../download/document-downloads.service';
import { DocumentStorage } from '../storage/document-storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The officer's corrections: a document uploaded by mistake goes while the case is open and
 * it was not delivered; the public flag can change at any time, so personal data found in a
 * public document (LAIP Art. 22) can be withdrawn from the public even after the resolution.
 * Each runs through the cases' one write door (`CaseWrites.run`) under the case's row lock, so a
 * withdrawal and the resolution that would deliver the document take turns.
 */
@Injectable()
export class DocumentEdits {
  private readonly logger = new Logger(DocumentEdits.name);

  constructor(
    private readonly writes: CaseWrites,
    private readonly storage: DocumentStorage,
  ) {}

  async setPublic(user: StaffUser, caseId: string, documentId: string, isPublic: boolean): Promise<DocumentView> {
    return this.writes.run(async (w) => {
      const { document } = await this.own(w, user, caseId, documentId);
      document.public = isPublic;
      return toDocumentView(await w.tx.save(Document, document));
    });
  }

  async remove(user: StaffUser, caseId: string, documentId: string): Promise<void> {
    const key = await this.writes.run(async (w) => {
      const { document, status } = await this.own(w, user, caseId, documentId);
      if (!isOpen(status) || document.deliveredAt !== null) {
        throw new AppError('INVALID_STATE', {
          es: 'Solo se retira un documento no entregado de un caso abierto.',
          en: 'Only a document not yet delivered, of an open case, can be removed.',
        });
      }
      await w.tx.delete(Document, { id: document.id });
      return document.storageKey;
    });
    // After the commit: if this fails, the object is an orphan and the sweep removes it.
    await this.storage.delete(key).catch((e: unknown) => this.logger.warn(`No se pudo borrar el objeto ${key}: ${String(e)}; la limpieza lo hará`));
  }

  /** The officer's own subject's case (locked) and one of its documents; anything else is 404. */
  private async own(w: CaseWrite, user: StaffUser, caseId: string, documentId: string): Promise<{ document: Document; status: CaseStatus }> {
    const c = UUID.test(caseId) ? await w.lock(caseId) : null;
    if (!c || user.subjectCode === null || c.subjectCode !== user.subjectCode) throw caseNotFound();
    const document = UUID.test(documentId) ? await w.tx.findOneBy(Document, { id: documentId, caseId }) : null;
    if (!document) throw documentNotFound();
    return { document, status: c.status };
  }
}
