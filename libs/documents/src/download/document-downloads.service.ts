import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { StaffSessions, StaffUser } from '@ventanilla/auth';
import { Case, Document, isPublicDocument } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';
import { LookupService } from '@ventanilla/requests';
import { Repository } from 'typeorm';
import { DocumentReader, mayRead } from './document-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DownloadCredentials {
  /** A staff member already signed in (the staff pages' session); otherwise the token or the code decide. */
  staff?: StaffUser;
  authorization?: string;
  accessCode?: string;
  clientIp: string;
  /**
   * Only a document of this folio: the request's page serves its documents under its own address,
   * so a code kept for one folio is never tried (nor counted as wrong) against another's.
   */
  folio?: string;
}

export const documentNotFound = () => AppError.notFound({ es: 'No se encontró el documento.', en: 'The document was not found.' });

/** Finds a document and decides whether this reader may have its bytes; otherwise 404, as if it did not exist. */
@Injectable()
export class DocumentDownloads {
  constructor(
    @InjectRepository(Document) private readonly documents: Repository<Document>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly sessions: StaffSessions,
    private readonly lookup: LookupService,
  ) {}

  async readable(id: string, credentials: DownloadCredentials): Promise<{ document: Document; isPublic: boolean }> {
    const document = UUID.test(id) ? await this.documents.findOneBy({ id }) : null;
    if (!document) throw documentNotFound();
    const c = await this.cases.findOneByOrFail({ id: document.caseId });
    if (credentials.folio !== undefined && c.folio !== credentials.folio) throw documentNotFound();
    if (isPublicDocument(document, c)) return { document, isPublic: true };
    const reader = await this.reader(c, credentials);
    if (!mayRead(reader, document, c)) throw documentNotFound();
    return { document, isPublic: false };
  }

  /** A staff token decides when sent; otherwise the access code of the case's folio (401/403/429 as on every requester action). */
  private async reader(c: Case, credentials: DownloadCredentials): Promise<DocumentReader> {
    if (credentials.staff) return { kind: 'staff', user: credentials.staff };
    if (credentials.authorization !== undefined) return { kind: 'staff', user: await this.sessions.authenticate(credentials.authorization) };
    if (credentials.accessCode !== undefined) {
      await this.lookup.authenticate({ folio: c.folio, accessCode: credentials.accessCode, clientIp: credentials.clientIp });
      return { kind: 'requester' };
    }
    return { kind: 'anyone' };
  }
}
