import { sanitizeFileName } from './file-name';

const PDF = 'application/pdf';

describe('sanitizeFileName', () => {
  it.each([
    ['Presupuesto 2026.pdf', 'Presupuesto 2026.pdf'],
    ['C:\\Users\\ana\\Acta de sesión.pdf', 'Acta de sesión.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['  ..oculto.pdf  ', 'oculto.pdf'],
    ['a\u0000b\u202Ec\u200B.pdf', 'abc.pdf'],
    ['infor<me>:"final"|?*.pdf', 'infor_me___final____.pdf'],
    ['línea\nnueva\t y  más.pdf', 'línea nueva y más.pdf'],
    ['Cafe\u0301.pdf', 'Café.pdf'],
    ['', 'documento.pdf'],
    ['...', 'documento.pdf'],
    ['contrato', 'contrato.pdf'],
    ['contrato.', 'contrato.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw, PDF)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitizeFileName(`${'á'.repeat(300)}.xlsx`, PDF);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('names a file without extension after its type', () => {
    expect(sanitizeFileName('datos', 'text/csv')).toBe('datos.csv');
    expect(sanitizeFileName('datos', 'application/x-unknown')).toBe('datos');
  });
});
