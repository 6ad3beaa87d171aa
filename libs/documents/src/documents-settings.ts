import { EnvDto } from '@ventanilla/config';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allowedTypes } from './upload/media-types';

/** The documents' slice of the configuration (DOCUMENTS_* and S3_* variables). */
export interface DocumentsSettings {
  maxFileBytes: number;
  maxPerCase: number;
  allowedTypes: string[];
  /** Where uploads are received and checked before they are stored. */
  spoolDir: string;
  orphanGraceMs: number;
  sweepEveryMs: number;
  storage:
    | { driver: 'local'; dir: string }
    | {
        driver: 's3';
        endpoint?: string;
        region: string;
        bucket: string;
        prefix: string;
        forcePathStyle: boolean;
        credentials?: { accessKeyId: string; secretAccessKey: string };
      };
}

export const DOCUMENTS_SETTINGS = Symbol('DOCUMENTS_SETTINGS');

export function documentsSettings(config: EnvDto): DocumentsSettings {
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
      : undefined;
  return {
    maxFileBytes: config.DOCUMENTS_MAX_FILE_MB * 1024 * 1024,
    maxPerCase: config.DOCUMENTS_MAX_PER_CASE,
    allowedTypes: allowedTypes(config.DOCUMENTS_ALLOWED_TYPES),
    spoolDir: resolve(config.DOCUMENTS_SPOOL_DIR ?? join(tmpdir(), 'ventanilla-uploads')),
    orphanGraceMs: config.DOCUMENTS_ORPHAN_GRACE_MINUTES * 60_000,
    sweepEveryMs: config.DOCUMENTS_SWEEP_EVERY_MS,
    storage:
      config.DOCUMENTS_STORAGE === 's3'
        ? {
            driver: 's3',
            endpoint: config.S3_ENDPOINT,
            region: config.S3_REGION,
            bucket: config.S3_BUCKET,
            prefix: config.S3_PREFIX,
            forcePathStyle: config.S3_FORCE_PATH_STYLE,
            credentials,
          }
        : { driver: 'local', dir: resolve(config.DOCUMENTS_DIR) },
  };
}
