import subjects from '../data/subjects.json';
import { SECTORS } from './subject.entity';

// INE: municipalities per department code.
const MUNICIPALITIES_PER_DEPARTMENT: Record<string, number> = {
  '01': 17, '02': 8, '03': 16, '04': 16, '05': 14, '06': 14, '07': 19, '08': 8, '09': 24, '10': 21, '11': 9,
  '12': 30, '13': 33, '14': 21, '15': 8, '16': 17, '17': 14, '18': 5, '19': 11, '20': 11, '21': 7, '22': 17,
};

describe('catalog data file', () => {
  const municipal = subjects.filter((s) => s.sector === 'municipal');

  it('has unique codes, known sectors and at least 380 bodies', () => {
    expect(new Set(subjects.map((s) => s.code)).size).toBe(subjects.length);
    expect(subjects.every((s) => (SECTORS as readonly string[]).includes(s.sector))).toBe(true);
    expect(subjects.length).toBeGreaterThanOrEqual(380);
  });

  it.each(Object.entries(MUNICIPALITIES_PER_DEPARTMENT))('department %s has %i municipalities', (dep, count) => {
    const inDepartment = municipal.filter((s) => s.departmentCode === dep);
    expect(inDepartment).toHaveLength(count);
    expect(inDepartment.map((s) => s.municipalityCode).sort()).toEqual(
      Array.from({ length: count }, (_, i) => `${dep}${String(i + 1).padStart(2, '0')}`),
    );
    expect(inDepartment.every((s) => s.code === `MUNI-${s.municipalityCode}`)).toBe(true);
  });

  it('has the 340 municipalities, 22 governorships and 14 ministries', () => {
    expect(municipal).toHaveLength(340);
    expect(subjects.filter((s) => s.code.startsWith('GOB-'))).toHaveLength(22);
    const ministries = ['MAGA', 'MICIVI', 'MCD', 'MINDEF', 'MIDES', 'MINECO', 'MINEDUC', 'MEM', 'MINFIN', 'MINGOB', 'MARN', 'MINEX', 'MSPAS', 'MINTRAB'];
    expect(ministries.filter((c) => !subjects.some((s) => s.code === c))).toEqual([]);
  });

  it('names Patzún MUNI-0407 and gives every central body its competences', () => {
    expect(subjects.find((s) => s.code === 'MUNI-0407')?.shortName).toBe('Patzún');
    const central = subjects.filter((s) => s.sector !== 'municipal');
    expect(central.filter((s) => !s.competences || s.competences.length < 10).map((s) => s.code)).toEqual([]);
  });

  it('names the law each body\'s competences come from', () => {
    expect(subjects.filter((s) => !s.sources || s.sources.length < 10).map((s) => s.code)).toEqual([]);
  });
});
