import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { ROUTING_TABLE } from './routing-table';

interface Answer {
  items: { subject: { code: string }; score: number; reason: 'name' | 'topic' | 'place' }[];
  confidence: 'high' | 'low';
  hint: string | null;
}

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
    // The table alone sends more than a minute's allowance from one address; limits have their own suite.
    env = await startTestEnvironment({ env: { ROUTING_ADDRESS_LIMIT: '10000' } });
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
      reason: 'place',
    });
    expect(res.body).toMatchObject({ confidence: 'high', hint: null });
    const empty = await env.http.post('/api/v1/routing/suggestions').send({ description: 'de la el los' }).expect(200);
    expect(empty.body).toEqual({ items: [], confidence: 'low', hint: expect.stringContaining('PDH') });
  });

  describe('topic and place as two signals', () => {
    const suggest = async (description: string): Promise<Answer> =>
      (await env.http.post('/api/v1/routing/suggestions').send({ description }).expect(200)).body;
    const codes = (a: Answer) => a.items.map((i) => i.subject.code);

    it.each([
      ['Contratación de médicos en el hospital regional de Huehuetenango', 'MSPAS', 'MUNI-1301'],
      ['Número de maestros por escuela en el municipio de Todos Santos Cuchumatán', 'MINEDUC', 'MUNI-1315'],
      ['Derechos mineros otorgados en el departamento de Izabal', 'MEM', 'GOB-18'],
    ])('"%s": %s first by topic, %s still offered by place', async (description, topic, place) => {
      const answer = await suggest(description);
      expect(answer.items[0]).toMatchObject({ subject: { code: topic }, reason: 'topic' });
      expect(answer.items.find((i) => i.subject.code === place)).toMatchObject({ reason: 'place' });
    });

    it('a road between two municipalities goes to the road bodies, the municipalities by place', async () => {
      const answer = await suggest('Reparación de la carretera entre Cobán y Chisec');
      expect(['MICIVI', 'COVIAL', 'DGC']).toContain(codes(answer)[0]);
      expect(answer.items.filter((i) => i.reason === 'place').map((i) => i.subject.code).sort()).toEqual(['MUNI-1601', 'MUNI-1613']);
    });

    it('a place never pushes the best topic match out of the top three', async () => {
      // Four places named and a thin topic: whichever leads, at most two places stand before it.
      const answer = await suggest('Contratos en Mixco, Villa Nueva, Chinautla y Amatitlán');
      const best = answer.items.find((i) => i.reason === 'topic');
      expect(best).toBeDefined();
      expect(answer.items.indexOf(best!)).toBeLessThan(3);
      expect(answer.items.filter((i) => i.reason === 'place').length).toBeGreaterThanOrEqual(3);
      const scores = answer.items.map((i) => i.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('a body named outright comes first, whatever the place or topic', async () => {
      for (const [description, code] of [
        ['Contrataciones del Ministerio de Salud en Huehuetenango', 'MSPAS'],
        ['Auditorías de la Contraloría General de Cuentas a la Municipalidad de Mixco', 'CGC'],
        ['Presupuesto del INFOM para proyectos de agua potable en Cobán', 'INFOM'],
        ['Licencias de construcción de la Municipalidad de Mixco', 'MUNI-0108'],
      ]) {
        const answer = await suggest(description);
        expect(answer.items[0]).toMatchObject({ subject: { code }, reason: 'name', score: 1 });
      }
    });

    it('a weak match looks weak and says where to ask', async () => {
      // Only words any body shares ("pública"): weak suggestions, and the answer says so.
      const answer = await suggest('Información pública');
      expect(answer).toEqual({ items: expect.any(Array), confidence: 'low', hint: expect.stringContaining('PDH para orientación') });
      expect(answer.items.length).toBeGreaterThan(0);
      expect(answer.items.every((i) => i.score < 0.33)).toBe(true);
      const nothing = await suggest('Quiero saber el estado de mi expediente');
      expect(nothing).toMatchObject({ items: [], confidence: 'low' });
      const sure = await suggest('Cobertura de vacunas en los centros de salud');
      expect(sure.confidence).toBe('high');
      expect(sure.items[0].score).toBeGreaterThan(answer.items[0]?.score ?? 0);
    });
  });

  // Written from the bodies' competences (see routing-table.ts), not tuned to pass: the figures
  // and the misses are printed, and the issue's bar is asserted (top 3 ≥ 95%, first ≥ 75%).
  it(`puts the competent body first or in the top three for the ${ROUTING_TABLE.length} descriptions of the table`, async () => {
    let first = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const [description, competent] of ROUTING_TABLE) {
      const res = await env.http.post('/api/v1/routing/suggestions').send({ description }).expect(200);
      const found = (res.body as Answer).items.map((i) => i.subject.code);
      const at = found.findIndex((c) => competent.split('|').includes(c));
      if (at === 0) first++;
      if (at >= 0 && at < 3) top3++;
      if (at !== 0) misses.push(`  ${competent} at ${at < 0 ? '—' : at + 1}: "${description}" → ${found.slice(0, 3).join(', ')}`);
    }
    const n = ROUTING_TABLE.length;
    process.stdout.write(
      `Routing table: ${n} descriptions, competent body first ${first} (${((100 * first) / n).toFixed(1)}%), ` +
        `top 3 ${top3} (${((100 * top3) / n).toFixed(1)}%)\n${misses.length ? `Not first:\n${misses.join('\n')}\n` : ''}`,
    );
    expect(top3 / n).toBeGreaterThanOrEqual(0.95);
    expect(first / n).toBeGreaterThanOrEqual(0.75);
  });

  it('refuses bad bodies', async () => {
    await env.http.post('/api/v1/routing/suggestions').send({}).expect(400);
    await env.http.post('/api/v1/routing/suggestions').send({ description: 'ok', extra: 1 }).expect(400);
    const res = await env.http.post('/api/v1/routing/suggestions').send({ description: 42 }).expect(400);
    expect(res.body.details[0].field).toBe('description');
  });
});
