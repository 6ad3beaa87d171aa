import { AnnualReport } from './annual-report';
import { annualReportCsv, annualReportFilename } from './annual-report.csv';

const report: AnnualReport = {
  subject: { code: 'MUNI-0407', name: 'Municipalidad de Patzún, Chimaltenango', sector: 'municipal', departmentCode: '04', department: 'Chimaltenango' },
  year: 2025,
  from: '2025-01-01',
  to: '2025-12-31',
  asOf: '2026-01-20',
  requests: {
    total: 9,
    byDeliveryFormat: { electronic: 6, simple_copy: 2, certified_copy: 1, direct_consultation: 0 },
    byChannel: { web: 7, in_person: 2, phone: 0, mail: 0, email: 0 },
    byLanguage: { es: 8, cak: 1 },
  },
  results: {
    delivered: 3, partially_delivered: 1, denied_reserved: 1, denied_confidential: 0, denied_no_clarification: 1, nonexistent: 0,
    transferred: 1, withdrawn: 1, open: 1,
  },
  responseTimes: { resolved: 6, onTime: 5, late: 1, medianBusinessDays: 7.5, p90BusinessDays: 14.5, meanBusinessDays: null },
  pending: { total: 1, overdue: 1, awaitingClarification: 0 },
  extended: { total: 2 },
  rejected: { total: 2, denied_reserved: 1, denied_confidential: 0, denied_no_clarification: 1 },
  reservedOrConfidential: { total: 1, reserved: 1, confidential: 0 },
  appeals: { total: 2, pending: 1, decided: 1, byOutcome: { confirmed: 0, revoked: 1, modified: 0 },
    byGround: { denied: 1, nonexistent: 0, incomplete: 0, personal_data: 0, no_answer: 1, delivery_expired: 0, other: 0 } },
};

describe('annual report CSV', () => {
  const csv = annualReportCsv(report);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);

  it('starts with a BOM and the Spanish header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('Numeral,Rubro,Medida,Valor');
  });

  it('quotes names with commas and leaves null figures empty', () => {
    expect(lines).toContain(',Sujeto obligado,Nombre,"Municipalidad de Patzún, Chimaltenango"');
    expect(lines).toContain('3,Tiempos de respuesta,Promedio de días hábiles,');
    expect(lines.find((l) => l.includes('Idioma del requirente: Kaqchikel'))).toMatch(/,1$/);
    expect(lines).toContain('3,Tiempos de respuesta,Mediana de días hábiles,7.5');
  });

  it('covers the eight items of Art. 48 and every outcome', () => {
    const numerals = new Set(lines.slice(1).map((l) => l.split(',')[0]).filter(Boolean));
    expect([...numerals]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const outcomes = lines.filter((l) => l.startsWith('2,'));
    expect(outcomes).toHaveLength(9);
    expect(outcomes.reduce((sum, l) => sum + Number(l.split(',').pop()), 0)).toBe(report.requests.total);
  });

  it('names the file after the subject and year', () => {
    expect(annualReportFilename(report)).toBe('informe-art48-MUNI-0407-2025.csv');
  });
});
