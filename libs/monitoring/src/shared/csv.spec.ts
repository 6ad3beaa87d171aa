import { csvField, csvLine } from './csv';

describe('csv', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [0, '0'],
    [false, 'false'],
    ['Municipalidad de Patzún', 'Municipalidad de Patzún'],
    ['Ministerio de Finanzas, Guatemala', '"Ministerio de Finanzas, Guatemala"'],
    ['Dice "hola"', '"Dice ""hola"""'],
    ['dos\nlíneas', '"dos\nlíneas"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
