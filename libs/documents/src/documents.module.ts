import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@ventanilla/auth';
import { CasesCoreModule, Document } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { RequestsModule } from '@ventanilla/requests';
import { DocumentsController } from './documents.controller';
import { DOCUMENTS_SETTINGS, documentsSettings, DocumentsSettings } from './documents-settings';
import { DocumentDownloads } from './download/document-downloads.service';
import { DocumentSender } from './download/document-sender';
import { DocumentEdits } from './edit/document-edits.service';
import { DocumentsProcessor, DocumentsSchedules } from './housekeeping/documents.processor';
import { OrphanSweep } from './housekeeping/orphan-sweep.service';
import { DocumentStorage } from './storage/document-storage';
import { LocalDocumentStorage } from './storage/local-storage';
import { S3DocumentStorage } from './storage/s3-storage';
import { SpoolCleanup } from './storage/spool-cleanup';
import { DocumentUploads } from './upload/document-upload.service';

export function createDocumentStorage(settings: DocumentsSettings): DocumentStorage {
  return settings.storage.driver === 's3' ? new S3DocumentStorage(settings.storage) : new LocalDocumentStorage(settings.storage.dir);
}

/** The documents' table, settings and storage driver, for the api and the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Document])],
  providers: [
    { provide: DOCUMENTS_SETTINGS, inject: [EnvDto], useFactory: documentsSettings },
    { provide: DocumentStorage, inject: [DOCUMENTS_SETTINGS], useFactory: createDocumentStorage },
    OrphanSweep,
  ],
  exports: [TypeOrmModule, DOCUMENTS_SETTINGS, DocumentStorage, OrphanSweep],
})
export class DocumentsCoreModule {}

/** Upload, corrections and download (api). */
@Module({
  imports: [DocumentsCoreModule, CasesCoreModule, RequestsModule, AuthModule],
  controllers: [DocumentsController],
  providers: [DocumentUploads, DocumentDownloads, DocumentSender, DocumentEdits, SpoolCleanup],
  // The pages upload, correct and serve downloads through the same services, access rule and answer as the API.
  exports: [DocumentsCoreModule, DocumentUploads, DocumentDownloads, DocumentSender, DocumentEdits],
})
export class DocumentsModule {}

/** The orphan sweep in the worker. */
@Module({
  imports: [DocumentsCoreModule],
  providers: [DocumentsProcessor, DocumentsSchedules],
})
export class DocumentsWorkerModule {}
