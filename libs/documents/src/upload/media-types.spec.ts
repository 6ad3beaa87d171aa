import { allowedTypes, contentMatches, declaredType, DEFAULT_DOCUMENT_TYPES, servedInline } from './media-types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('declaredType', () => {
  it.each([
    ['application/pdf', 'a.pdf', 'application/pdf'],
    ['Application/PDF; charset=binary', 'a.pdf', 'application/pdf'],
    ['image/jpg', 'foto.jpg', 'image/jpeg'],
    ['application/octet-stream', 'datos.xlsx', XLSX],
    ['', 'notas.TXT', 'text/plain'],
    [undefined, 'sin-extension', ''],
    ['application/vnd.ms-excel', 'datos.csv', 'text/csv'],
    ['application/vnd.ms-excel', 'viejo.xls', 'application/vnd.ms-excel'],
    ['text/html', 'pagina.pdf', 'text/html'],
  ])('%p for %p is %p', (part, name, expected) => {
    expect(declaredType(part, name)).toBe(expected);
  });
});

describe('allowedTypes', () => {
  it('defaults to the issue’s list', () => {
    expect(allowedTypes(undefined)).toEqual(DEFAULT_DOCUMENT_TYPES);
    expect(allowedTypes('  ')).toEqual(DEFAULT_DOCUMENT_TYPES);
  });
  it('reads a setting, with aliases and without junk', () => {
    expect(allowedTypes('application/pdf, image/jpg,,nada, image/svg+xml')).toEqual(['application/pdf', 'image/jpeg', 'image/svg+xml']);
  });
});

describe('contentMatches', () => {
  const text = Buffer.from('año;monto\n2026;100\n', 'utf8');
  it.each([
    ['application/pdf', 'application/pdf', Buffer.from('%PDF'), true],
    ['application/pdf', 'image/png', Buffer.from('x'), false],
    ['application/pdf', undefined, Buffer.from('hola'), false],
    ['text/csv', undefined, text, true],
    ['text/plain', undefined, Buffer.from([0x41, 0x00, 0x42]), false],
    ['text/plain', 'application/pdf', Buffer.from('%PDF'), false],
    ['image/svg+xml', undefined, Buffer.from('<svg/>'), true],
  ])('declared %p, detected %p', (declared, detected, sample, expected) => {
    expect(contentMatches(declared, detected, sample)).toBe(expected);
  });
});

describe('servedInline', () => {
  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['text/plain', true],
    ['text/html', false],
    ['image/svg+xml', false],
    ['text/csv', false],
    [XLSX, false],
  ])('%s inline: %s', (type, expected) => {
    expect(servedInline(type)).toBe(expected);
  });
});
