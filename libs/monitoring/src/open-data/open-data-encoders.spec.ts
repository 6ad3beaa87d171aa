import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CsvRowEncoder, JsonRowEncoder } from './open-data-encoders';

const columns = ['caseId', 'subjectName', 'onTime', 'extendedDueDate'];
const encode = (encoder: CsvRowEncoder | JsonRowEncoder, rows: unknown[][]) => text(Readable.from(rows).pipe(encoder));

describe('open data encoders', () => {
  const rows = [
    ['a1', 'Municipalidad de Patzún, Chimaltenango', true, null],
    ['a2', 'Ministerio "X"', false, '2025-02-03'],
  ];

  it('writes CSV with a header, quoting and empty nulls', async () => {
    expect(await encode(new CsvRowEncoder(columns), rows)).toBe(
      'caseId,subjectName,onTime,extendedDueDate\r\n' +
        'a1,"Municipalidad de Patzún, Chimaltenango",true,\r\n' +
        'a2,"Ministerio ""X""",false,2025-02-03\r\n',
    );
  });

  it('writes a JSON array that parses back to the rows', async () => {
    const parsed = JSON.parse(await encode(new JsonRowEncoder(columns), rows));
    expect(parsed).toEqual([
      { caseId: 'a1', subjectName: 'Municipalidad de Patzún, Chimaltenango', onTime: true, extendedDueDate: null },
      { caseId: 'a2', subjectName: 'Ministerio "X"', onTime: false, extendedDueDate: '2025-02-03' },
    ]);
  });

  it('writes the header or an empty array when there are no rows', async () => {
    expect(await encode(new CsvRowEncoder(columns), [])).toBe('caseId,subjectName,onTime,extendedDueDate\r\n');
    expect(JSON.parse(await encode(new JsonRowEncoder(columns), []))).toEqual([]);
  });

  it('keeps memory flat: output leaves in chunks, not at the end', async () => {
    const encoder = new CsvRowEncoder(columns);
    const many = Array.from({ length: 20000 }, (_, i) => [`id-${i}`, 'Sujeto', true, null]);
    let chunks = 0;
    for await (const chunk of Readable.from(many).pipe(encoder)) {
      expect((chunk as Buffer).length).toBeLessThan(80 * 1024);
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(3);
  });
});
