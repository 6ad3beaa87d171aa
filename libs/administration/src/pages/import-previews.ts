import { Injectable } from '@nestjs/common';
import { RedisClient } from '@ventanilla/queue';
import { randomBytes } from 'node:crypto';

/** How long a dry run can be applied: time to read the tables, not a file to come back to tomorrow. */
export const IMPORT_PREVIEW_TTL_SECONDS = 30 * 60;

/** What the import page's dry run showed: the CSV it read and what it would create and change (`importPlan`). */
export interface ImportPreview {
  csv: string;
  plan: string;
}

/**
 * The subjects import's dry runs, kept in Redis until applied: the "Aplicar" form carries only a
 * random token, never the CSV, so what is applied is the text the admin saw simulated, whichever
 * api process answers (they share the one Redis). A token is the admin's own (it is in the key)
 * and single use (GETDEL: two clicks, or two processes, cannot apply it twice).
 */
@Injectable()
export class ImportPreviews {
  constructor(private readonly redis: RedisClient) {}

  async keep(actorId: string, preview: ImportPreview): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.redis.client.set(key(actorId, token), JSON.stringify(preview), 'EX', IMPORT_PREVIEW_TTL_SECONDS);
    return token;
  }

  /** The preview behind `token`, removed as it is read; null when unknown, expired, another admin's or already applied. */
  async take(actorId: string, token: string): Promise<ImportPreview | null> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
    const stored = await this.redis.client.getdel(key(actorId, token));
    return stored === null ? null : (JSON.parse(stored) as ImportPreview);
  }
}

function key(actorId: string, token: string): string {
  return `subjects-import:${actorId}:${token}`;
}
