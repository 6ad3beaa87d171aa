import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';

// A description, and a body (or one of several competent ones) that must be among the first three suggestions.
const TABLE: [string, string][] = [
  ['Copia del presupuesto municipal aprobado para 2026 en Patzún', 'MUNI-0407'],
  ['Licencias de construcción emitidas en Mixco durante 2025', 'MUNI-0108'],
  ['Contratos de recolección de basura de la municipalidad de Santa Lucía Cotzumalguapa', 'MUNI-0502'],
  ['Planilla de empleados municipales de Cobán', 'MUNI-1601'],
  ['Obras ejecutadas por la municipalidad de Quetzaltenango en 2024', 'MUNI-0901'],
  ['Cuánto se recaudó en impuestos de IVA e ISR el año pasado', 'SAT'],
  ['Registros de importaciones en aduanas y facturas electrónicas', 'SAT'],
  ['Lista de hospitales nacionales y sus medicamentos en existencia', 'MSPAS'],
  ['Cobertura de vacunas en los centros de salud', 'MSPAS'],
  ['Número de maestros contratados en escuelas públicas', 'MINEDUC'],
  ['Presupuesto general de la nación y deuda pública', 'MINFIN'],
  ['Mantenimiento de carreteras y puentes en el país', 'MICIVI'],
  ['Iniciativas de ley presentadas por los diputados', 'CONGRESO'],
  ['Estadísticas de certificados de nacimiento y DPI emitidos', 'RENAP'],
  ['Auditorías gubernamentales y declaraciones patrimoniales de probidad', 'CGC'],
  ['Denuncias recibidas por fiscalías y expedientes de investigación penal', 'MP'],
  ['Pensiones y afiliados del seguro social', 'IGSS'],
  ['Tipo de cambio y reservas monetarias internacionales', 'BANGUAT'],
  ['Policía y seguridad ciudadana: agentes asignados por comisaría', 'MINGOB|PNC'],
  ['Licencias ambientales y estudios de impacto ambiental aprobados', 'MARN'],
  ['Programas de fertilizantes para agricultores', 'MAGA'],
  ['Quejas por violaciones a derechos humanos', 'PDH'],
];

describe('routing suggestions (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it.each(TABLE)('"%s" suggests %s among the first three', async (description, code) => {
    const res = await env.http.post('/api/v1/routing/suggestions').send({ description }).expect(200);
    const codes = res.body.items.map((i: { subject: { code: string } }) => i.subject.code);
    expect(codes.slice(0, 3).some((c: string) => code.split('|').includes(c))).toBe(true);
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('returns subjects in the contract shape, and nothing for text without content words', async () => {
    const res = await env.http.post('/api/v1/routing/suggestions').send({ description: 'Presupuesto de Patzún' }).expect(200);
    expect(res.body.items[0]).toEqual({
      subject: expect.objectContaining({ code: 'MUNI-0407', name: 'Municipalidad de Patzún', sector: 'municipal' }),
      score: expect.any(Number),
    });
    const empty = await env.http.post('/api/v1/routing/suggestions').send({ description: 'de la el los' }).expect(200);
    expect(empty.body.items).toEqual([]);
  });

  it('refuses bad bodies', async () => {
    await env.http.post('/api/v1/routing/suggestions').send({}).expect(400);
    await env.http.post('/api/v1/routing/suggestions').send({ description: 'ok', extra: 1 }).expect(400);
    const res = await env.http.post('/api/v1/routing/suggestions').send({ description: 42 }).expect(400);
    expect(res.body.details[0].field).toBe('description');
  });
});
