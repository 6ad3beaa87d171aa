import subjects from '../../subjects/data/subjects.json';
import { SubjectView } from '@ventanilla/subjects';
import { CatalogIndex } from './catalog-index';
import { words } from './text';

const catalog = new CatalogIndex(subjects.map((s) => ({ ...s, active: true }) as SubjectView));
const named = (text: string) => catalog.named(words(text)).map((n) => n.code);
const places = (text: string) =>
  Object.fromEntries(catalog.places(words(text), catalog.named(words(text))).places.map((p) => [p.code, p.certainty]));

describe('bodies named outright', () => {
  it.each([
    ['Presupuesto de la SAT', ['SAT']],
    ['Compras del Ministerio de Salud', ['MSPAS']],
    ['Informe del Ministerio de Energía y Minas', ['MEM']],
    ['Auditoría de la Contraloría', ['CGC']],
    ['Datos de la CONRED', ['SE-CONRED']],
    ['Operaciones de Puerto Quetzal', ['EPQ']],
    ['Certificación del Segundo Registro de la Propiedad', ['SRP']],
    ['Planilla de la Municipalidad de Cobán', ['MUNI-1601']],
    ['Eventos de la gobernación de Petén', ['GOB-17']],
  ])('"%s" names %j', (text, codes) => {
    expect(named(text)).toEqual(codes);
  });

  it('does not take a topic word for a name ("caminos", "migración")', () => {
    expect(named('Mantenimiento de caminos rurales')).toEqual([]);
    expect(named('Datos de migración de guatemaltecos')).toEqual([]);
  });
});

describe('places', () => {
  it('finds a municipality, its distinctive word, and a department', () => {
    expect(places('Licencias de construcción en Mixco')).toEqual({ 'MUNI-0108': 1 });
    expect(places('Caminos de Carchá')).toEqual({ 'MUNI-1609': 1 });
    expect(places('Minería en el departamento de Izabal')).toEqual({ 'GOB-18': 1 });
  });

  it('reads the cue: "municipio de" is the municipality, "departamento de" the governorship', () => {
    expect(places('Escuelas del municipio de Huehuetenango')).toEqual({ 'MUNI-1301': 1 });
    expect(places('Escuelas del departamento de Huehuetenango')).toEqual({ 'GOB-13': 1 });
    const both = places('Escuelas de Huehuetenango');
    expect(both['MUNI-1301']).toBeGreaterThan(both['GOB-13']);
  });

  it('takes the longest name, and lets a named department settle a shared one', () => {
    expect(places('Mercado de San Sebastián Huehuetenango')).toEqual({ 'MUNI-1320': 1 });
    const shared = places('Agua potable en San José');
    expect(Object.keys(shared).length).toBeGreaterThan(1);
    expect(Object.values(shared).every((c) => c < 1)).toBe(true);
    expect(places('Agua potable en San José, Petén')).toMatchObject({ 'MUNI-1702': 1 });
  });

  it('keeps "Guatemala" as the country unless a cue makes it the city or the department', () => {
    expect(places('Exportaciones de Guatemala')).toEqual({});
    expect(places('Basura en la ciudad de Guatemala')).toEqual({ 'MUNI-0101': 1 });
    expect(places('Datos del Banco de Guatemala')).toEqual({});
  });
});
