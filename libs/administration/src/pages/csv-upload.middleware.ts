import { Injectable, NestMiddleware } from '@nestjs/common';
import { STAFF_SESSION_COOKIE } from '@ventanilla/auth';
import { cookieOf, PageRenderer } from '@ventanilla/web';
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';

/** Largest CSV the import page takes: the API's `csv` cap (2,000,000 characters) is about this. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** Beyond this the upload is not read at all: not a CSV someone picked by mistake, just traffic. */
const HARD_LIMIT_BYTES = 4 * CSV_MAX_BYTES;

/** What the import form sent: its fields (the CSRF token among them) and the file as text. */
export interface CsvUpload {
  /** The file's text, decoded; null when no file came (the "apply" step sends only the dry run's token). */
  text: string | null;
  /** The file was not valid UTF-8 and was read as Windows-1252, as spreadsheet programs save it. */
  windows1252: boolean;
  /** The file or a field went past `CSV_MAX_BYTES`: nothing of it is used. */
  tooLarge: boolean;
}

export type CsvUploadRequest = Request & { csvUpload?: CsvUpload };

/**
 * `multipart/form-data` for the subjects' CSV import, parsed before the guards so the CSRF guard
 * finds the form's token in `req.body` as on every other form post. busboy (already used for
 * documents) streams the parts; the file is held in memory up to `CSV_MAX_BYTES` and cut off
 * there, and a body far past it is refused without being read.
 */
@Injectable()
export class CsvUploadMiddleware implements NestMiddleware {
  constructor(private readonly pages: PageRenderer) {}

  use(req: CsvUploadRequest, res: Response, next: NextFunction): void {
    if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) return next();
    // Without a staff session the guard sends the browser to the sign-in: nothing to read for that.
    if (!cookieOf(req, STAFF_SESSION_COOKIE)) return next();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > HARD_LIMIT_BYTES) return this.refuse(req, res);

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: CSV_MAX_BYTES, fieldSize: CSV_MAX_BYTES, files: 1, fields: 5, parts: 6 },
      });
    } catch {
      return this.refuse(req, res, 400);
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const upload: CsvUpload = { text: null, windows1252: false, tooLarge: false };
    let received = 0;
    let sawFile = false;
    let failed = false;
    const fail = (status: number) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      this.refuse(req, res, status);
    };

    // A body sent without Content-Length is counted as it arrives.
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= HARD_LIMIT_BYTES || failed) return;
      fail(413);
      // No reason to take in the rest of an endless body: the connection goes once the answer is out.
      res.once('finish', () => req.destroy());
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) upload.tooLarge = true;
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'archivo' || sawFile) return stream.resume();
      sawFile = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        upload.tooLarge = true;
        chunks.length = 0;
      });
    });
    parser.on('error', () => fail(400));
    parser.on('close', () => {
      if (failed) return;
      if (sawFile && !upload.tooLarge) Object.assign(upload, decode(Buffer.concat(chunks)));
      req.body = fields;
      req.csvUpload = upload;
      next();
    });
    req.pipe(parser);
  }

  private refuse(req: Request, res: Response, status = 413): void {
    // Whatever is still coming is read and dropped, so the browser gets the answer rather than a reset.
    req.resume();
    this.pages.render(req, res, 'error.njk', { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', backTo: req.path }, { status, private: true });
  }
}

/**
 * Windows-1252's 0x80–0x9F (€, ‘ ’ “ ” – — …), where it differs from Latin-1. Node 20's
 * TextDecoder('windows-1252') decodes these as Latin-1 control characters, so the table is here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 (with or without BOM), or else Windows-1252: what Excel writes for "CSV" on a Spanish Windows. */
export function decode(bytes: Buffer): { text: string; windows1252: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), windows1252: false };
  } catch {
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    return { text, windows1252: true };
  }
}
