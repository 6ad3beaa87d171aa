import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@ventanilla/http';
import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Document } from '@ventanilla/cases';
import { DocumentStorage } from '../storage/document-storage';
import { servedInline } from '../upload/media-types';
import { rangeToSend } from './byte-range';

/** Writes a document's bytes as an HTTP answer: conditional, ranged, streamed from storage. */
@Injectable()
export class DocumentSender {
  private readonly logger = new Logger(DocumentSender.name);

  constructor(private readonly storage: DocumentStorage) {}

  async send(req: Request, res: Response, document: Document, isPublic: boolean): Promise<void> {
    const etag = `"${document.sha256}"`;
    const ifRange = req.headers['if-range'];
    const plan = rangeToSend(document.size, req.headers.range, typeof ifRange === 'string' ? ifRange : undefined, etag);
    if (plan.kind === 'unsatisfiable') {
      throw new AppError('RANGE_NOT_SATISFIABLE').withHeaders({ 'Content-Range': `bytes */${document.size}` });
    }
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', isPublic ? 'public, max-age=3600' : 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // HTML, SVG and anything a browser might run are never shown inline.
    res.setHeader(
      'Content-Disposition',
      contentDisposition(document.name, { type: servedInline(document.mediaType) ? 'inline' : 'attachment', fallback: asciiName(document.name) }),
    );
    if (noneMatch(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', document.mediaType);
    const range = plan.kind === 'partial' ? plan.range : undefined;
    if (range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${document.size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(document.size));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const bytes = await this.storage.read(document.storageKey, range);
    try {
      await pipeline(bytes, res);
    } catch (error) {
      // Most often the client went away; the connection is already gone either way.
      this.logger.debug(`Descarga del documento ${document.id} interrumpida: ${String(error)}`);
    }
  }
}

/** The name in plain ASCII for old clients (`filename=`); the UTF-8 one goes in `filename*`. */
function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
}

function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
