import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export type PageEncoding = 'br' | 'gzip';

/** Below this the compression middleware sends pages as they are; so does a shared page. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * A public page rendered once for every visitor who asks it alike (`PageRenderer.renderShared`),
 * with each compressed body made once as well: for the national statistics table (~140 KB of
 * HTML) compressing on every request cost more than rendering it did.
 */
export class SharedPage {
  private readonly encoded = new Map<PageEncoding, Promise<Buffer>>();

  constructor(readonly html: string) {}

  /** The page compressed with `encoding`, made on the first request that asks for it (off the event loop). */
  body(encoding: PageEncoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      const html = Buffer.from(this.html);
      body =
        encoding === 'br'
          ? brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } })
          : gzipped(html);
      this.encoded.set(encoding, body);
      body.catch(() => this.encoded.get(encoding) === body && this.encoded.delete(encoding));
    }
    return body;
  }
}
