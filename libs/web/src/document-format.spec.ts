import { documentKind, fileSize } from './document-format';

describe('document names on the pages', () => {
  it('gives sizes in bytes, KB and MB with a decimal comma', () => {
    expect(fileSize(0)).toBe('0 bytes');
    expect(fileSize(1023)).toBe('1023 bytes');
    expect(fileSize(1024)).toBe('1 KB');
    expect(fileSize(1536)).toBe('1,5 KB');
    expect(fileSize(12 * 1024 + 300)).toBe('12 KB');
    expect(fileSize(1024 * 1024)).toBe('1 MB');
    expect(fileSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(fileSize(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });

  it('names the kinds people know and calls the rest a file', () => {
    expect(documentKind('application/pdf')).toBe('pdf');
    expect(documentKind('IMAGE/JPEG')).toBe('imagen');
    expect(documentKind('text/csv; charset=utf-8')).toBe('csv');
    expect(documentKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('hoja');
    expect(documentKind('application/x-unknown')).toBe('otro');
  });
});
