import express from 'express';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvDto } from '@ventanilla/config';
import type { AssetsService } from './assets/assets.service';
import type { CsrfProtection } from './csrf';
import { PageRenderer } from './page-renderer';

const dir = mkdtempSync(join(tmpdir(), 'shared-page-'));
const table = join(dir, 'table.njk');
const form = join(dir, 'form.njk');
writeFileSync(table, '<table>{% for i in rows %}<tr><td>{{ t("sitio.nombre") }} {{ i }}</td></tr>{% endfor %}</table>');
writeFileSync(form, '<form method="post"><input name="{{ csrfField }}" value="{{ csrfToken }}"></form>');

function renderer() {
  const tokens = jest.fn(() => 'token-de-prueba');
  const pages = new PageRenderer({ url: () => '/static/x' } as unknown as AssetsService, { token: tokens } as unknown as CsrfProtection, { NODE_ENV: 'test' } as EnvDto);
  return { pages, tokens };
}

describe('pages rendered once for every visitor (renderShared / sendShared)', () => {
  const { pages, tokens } = renderer();
  const page = pages.renderShared({ cookies: {}, path: '/tabla', headers: {} } as never, table, { rows: Array.from({ length: 300 }, (_, i) => i) });
  const app = express().get('/tabla', (req, res, next) => pages.sendShared(req, res, page).catch(next));

  let server: Server;
  beforeAll(() => new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve()))));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** The answer as sent on the wire (no client decompression). */
  const fetchRaw = (acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      get({ host: '127.0.0.1', port, path: '/tabla', headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('sends brotli when the browser accepts it, else gzip, else the HTML; every body is the same page', async () => {
    const br = await fetchRaw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page.html);
    const gz = await fetchRaw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page.html);
    const plain = await fetchRaw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page.html);
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers.vary).toContain('Accept-Encoding');
    }
    expect(page.html).toContain('<td>Ventanilla');
  });

  it('compresses each encoding once per page', async () => {
    const first = await page.body('br');
    expect(await page.body('br')).toBe(first);
  });

  it('refuses a template that prints a CSRF token (a token is one browser’s), and makes no token for a page without a form', () => {
    expect(() => pages.renderShared({ cookies: {}, path: '/f', headers: {} } as never, form, {})).toThrow('token CSRF');
    const res = { cookie: jest.fn() };
    pages.renderString({ cookies: {}, path: '/t', headers: {} } as never, res as never, table, { rows: [1] });
    expect(tokens).not.toHaveBeenCalled();
    expect(pages.renderString({ cookies: {}, path: '/f', headers: {} } as never, res as never, form, {})).toContain('value="token-de-prueba"');
    expect(tokens).toHaveBeenCalledTimes(1);
  });
});
