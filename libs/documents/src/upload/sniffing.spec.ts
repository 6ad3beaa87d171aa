import { fromBuffer } from 'file-type';
import { docx, jpeg, ods, odt, pdf, png, xlsx } from '../../../../test/support/document-fixtures';
import { contentMatches } from './media-types';

/** file-type (16.5.4, the last CommonJS release) recognizes every binary type accepted by default. */
describe('content sniffing of the default types', () => {
  it.each([
    ['application/pdf', pdf()],
    ['image/png', png()],
    ['image/jpeg', jpeg()],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx()],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx()],
    ['application/vnd.oasis.opendocument.text', odt()],
    ['application/vnd.oasis.opendocument.spreadsheet', ods()],
  ])('%s is recognized, and is not taken for another type', async (type, content) => {
    const detected = await fromBuffer(content);
    expect(contentMatches(type, detected?.mime, content)).toBe(true);
    expect(contentMatches('application/pdf', detected?.mime, content)).toBe(type === 'application/pdf');
    expect(contentMatches('text/plain', detected?.mime, content)).toBe(false);
  });

  it('text passes as text, and HTML is not a PNG', async () => {
    const csv = Buffer.from('año;monto\n2026;1500.00\n', 'utf8');
    expect(contentMatches('text/csv', (await fromBuffer(csv))?.mime, csv)).toBe(true);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect(contentMatches('image/png', (await fromBuffer(html))?.mime, html)).toBe(false);
  });
});
