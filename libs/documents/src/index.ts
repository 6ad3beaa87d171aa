export * from './document.dto';
export * from './documents-settings';
export * from './documents.module';
export * from './download/document-access';
export * from './housekeeping/orphan-sweep.service';
export * from './storage/document-storage';
export * from './upload/media-types';
