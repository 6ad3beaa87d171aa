import { AppError, hasLoneSurrogate, malformedUnicode } from '@ventanilla/http';
import busboy from 'busboy';
import { fromBuffer } from 'file-type';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sanitizeFileName } from './file-name';
import { contentMatches, declaredType } from './media-types';
import { UploadInspector } from './upload-inspector';

/** An upload received whole into the spool folder, checked, with its hash. */
export interface ReceivedFile {
  path: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  public: boolean;
}

export interface ReceiveOptions {
  maxFileBytes: number;
  allowedTypes: string[];
  spoolDir: string;
}

/**
 * Fields a web form sends besides `file` and `public` (the pages' CSRF token). They must come
 * before the file — browsers send a form's fields in the order of the page — and `beforeFile`
 * judges them before a byte of the file is received: throwing refuses the upload.
 */
export interface FormFields {
  names: string[];
  beforeFile: (fields: Record<string, string>) => void;
}

/** Room for the multipart framing and the `public` field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    es: `El documento supera el tamaño máximo de ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    en: `The document is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`,
  });

const fieldError = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** The client went away mid-upload: nobody reads the answer, but it is a client's fault, not a 500 to log. */
const aborted = () =>
  new AppError('VALIDATION_FAILED', { es: 'El envío se interrumpió antes de terminar.', en: 'The upload was interrupted before it finished.' });

/**
 * Reads `multipart/form-data` with one `file` and an optional `public` (`true`/`false`).
 * The file streams through the type check, the hash and the size limit into a spool file;
 * memory holds at most the sniffed head. Any failure — a limit, a wrong type, a broken or
 * abandoned connection — removes the spool file before the error reaches the caller.
 */
export function receiveUpload(req: IncomingMessage, options: ReceiveOptions, form?: FormFields): Promise<ReceivedFile> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    return Promise.reject(
      new AppError('UNSUPPORTED_MEDIA_TYPE', {
        es: 'Envíe el documento como multipart/form-data, en el campo "file".',
        en: 'Send the document as multipart/form-data, in the "file" field.',
      }),
    );
  }
  // The handler runs after the guard and the case checks; a client may have given up by then.
  if (req.destroyed || req.readableAborted) return Promise.reject(aborted());
  const declaredLength = Number(req.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > options.maxFileBytes + FORM_OVERHEAD_BYTES) {
    return Promise.reject(tooLarge(options.maxFileBytes));
  }

  return new Promise<ReceivedFile>((resolve, reject) => {
    const spoolPath = join(options.spoolDir, `${randomUUID()}.upload`);
    let failure: Error | null = null;
    let file: Promise<Omit<ReceivedFile, 'public'>> | null = null;
    let isPublic = true;
    let parser: busboy.Busboy;
    let current: Readable | null = null;
    const formValues: Record<string, string> = {};
    const extra = form?.names.length ?? 0;

    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      req.unpipe(parser);
      // The rest of the body is read and dropped (as multer does): a refusal answered mid-body
      // otherwise leaves its tail unread on a keep-alive connection, and the client's next
      // request on it waits unanswered until the idle timeout resets the connection.
      req.resume();
      parser?.removeAllListeners('close');
      current?.destroy();
      // Whatever was written goes; the answer waits for that, so nothing is left behind.
      void (file ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => rm(spoolPath, { force: true }))
        .finally(() => reject(error));
    };

    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: options.maxFileBytes, files: 1, fields: 2 + extra, fieldSize: extra > 0 ? 1024 : 100, parts: 4 + extra },
      });
    } catch {
      return reject(fieldError('file', 'el cuerpo multipart no se pudo leer'));
    }

    // Busboy goes on parsing what it already holds after a failure: later parts are ignored.
    parser.on('field', (name, value) => {
      if (failure) return;
      // A part may declare its own charset (UTF-16 among them): the JSON bodies' rule holds here too.
      if (hasLoneSurrogate(name) || hasLoneSurrogate(value)) return fail(malformedUnicode());
      if (form?.names.includes(name)) {
        formValues[name] = value;
        return;
      }
      if (name !== 'public') return fail(fieldError(name, 'campo desconocido: solo se admiten "file" y "public"'));
      if (value !== 'true' && value !== 'false') return fail(fieldError('public', 'debe ser true o false'));
      isPublic = value === 'true';
    });

    parser.on('file', (name, stream, info) => {
      if (failure) {
        stream.resume();
        return;
      }
      if (hasLoneSurrogate(name) || hasLoneSurrogate(info.filename ?? '')) {
        stream.resume();
        return fail(malformedUnicode());
      }
      if (name !== 'file') {
        stream.resume();
        return fail(fieldError(name, 'campo desconocido: el documento va en el campo "file"'));
      }
      if (form) {
        try {
          form.beforeFile(formValues);
        } catch (error) {
          stream.resume();
          return fail(error as Error);
        }
      }
      const mediaType = declaredType(info.mimeType, info.filename ?? '');
      if (!options.allowedTypes.includes(mediaType)) {
        stream.resume();
        return fail(
          new AppError('UNSUPPORTED_MEDIA_TYPE', {
            es: `El tipo de documento "${mediaType || 'desconocido'}" no se admite. Se admiten: ${options.allowedTypes.join(', ')}.`,
            en: `Document type "${mediaType || 'unknown'}" is not accepted. Accepted: ${options.allowedTypes.join(', ')}.`,
          }),
        );
      }
      current = stream;
      stream.on('limit', () => fail(tooLarge(options.maxFileBytes)));
      const inspector = new UploadInspector(async (sample) => {
        const detected = await fromBuffer(sample);
        if (!contentMatches(mediaType, detected?.mime, sample)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            es: `El contenido del documento no corresponde al tipo declarado (${mediaType})${detected ? `: parece ${detected.mime}` : ''}.`,
            en: `The document's content does not match its declared type (${mediaType})${detected ? `: it looks like ${detected.mime}` : ''}.`,
          });
        }
      });
      file = mkdir(options.spoolDir, { recursive: true })
        .then(() => pipeline(stream, inspector, createWriteStream(spoolPath, { flags: 'wx' })))
        .then(() => ({
          path: spoolPath,
          name: sanitizeFileName(info.filename ?? '', mediaType),
          mediaType,
          size: inspector.size,
          sha256: inspector.sha256,
        }));
      file.catch((error: Error) => fail(error));
    });

    parser.on('filesLimit', () => fail(fieldError('file', 'se admite un solo documento por envío')));
    parser.on('fieldsLimit', () => fail(fieldError('public', 'demasiados campos')));
    parser.on('partsLimit', () => fail(fieldError('file', 'demasiadas partes en el envío')));
    parser.on('error', () => fail(fieldError('file', 'el cuerpo multipart no se pudo leer')));
    parser.on('close', () => {
      if (!file) return fail(fieldError('file', 'falta el documento (campo "file")'));
      file.then(
        (received) => {
          if (failure) return;
          if (received.size === 0) return fail(fieldError('file', 'el documento está vacío'));
          resolve({ ...received, public: isPublic });
        },
        () => undefined,
      );
    });
    // A client that goes away mid-upload leaves nothing behind.
    req.on('aborted', () => fail(aborted()));
    req.on('close', () => {
      if (!req.complete) fail(aborted());
    });
    req.on('error', (error) => fail(error));
    req.pipe(parser);
  });
}
