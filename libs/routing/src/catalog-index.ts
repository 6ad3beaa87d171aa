import { SubjectView } from '@ventanilla/subjects';
import { occurrences, words } from './text';

/** Bodies bound to a place: a municipality (MUNI-xxxx) or a departmental governorship (GOB-xx). */
export function isLocal(subject: Pick<SubjectView, 'code' | 'sector'>): boolean {
  return subject.sector === 'municipal' || subject.code.startsWith('GOB-');
}

/** A span of the description's words that names something. */
export interface Span {
  start: number;
  end: number;
}

export interface NamedBody extends Span {
  code: string;
}

/** A place the description names, with how sure we are that it means this body's territory. */
export interface PlaceMention {
  code: string;
  certainty: number;
}

export interface DetectedPlaces {
  places: PlaceMention[];
  /** Word indexes that belong to names of places, left out of the topic. */
  spans: Span[];
}

interface NamePattern {
  code: string;
  words: string[];
}

interface PlacePattern {
  words: string[];
  municipalities: string[];
  department?: string;
}

/** How a place is introduced: "municipio de X" means the municipality, "departamento de X" the department. */
const MUNICIPAL_CUES = ['municipio', 'municipalidad', 'muni', 'alcaldia', 'ciudad', 'cabecera'];
const DEPARTMENT_CUES = ['departamento', 'gobernacion', 'departamental'];
/** Other ways people name a place, beside the catalog's names. */
const PLACE_ALIASES: Record<string, string[]> = {
  '0901': ['xela', 'xelaju'],
  '1701': ['flores peten'],
};
const DEPARTMENT_ALIASES: Record<string, string[]> = { '14': ['el quiche'], '17': ['el peten'] };
/** Last words of municipalities' names that are also ordinary words or first names ("Puerto Barrios", "San Diego"). */
const COMMON_WORDS = new Set(
  ('golfo canales jesus vieja duenas tejar gomera pacaya naranjo vinas visitacion palmar esperanza altos idolo gabriel ' +
    'bautista bravo maquina felipe cuesta tumbador rodeo gordo blanco independencia jeronimo casas tinta benito cruces ' +
    'barrios amates hondo diego jorge arada ermita jacinto adelanto apolonia bernardino eulalia raymundo').split(' '),
);
/** Bodies people call by another name. */
const NAME_ALIASES: Record<string, string[]> = {
  CONGRESO: ['congreso'],
  CGC: ['contraloria'],
  'SE-CONRED': ['conred'],
  IGSS: ['seguro social'],
  OJ: ['corte suprema de justicia', 'corte suprema'],
  IGM: ['instituto de migracion'],
  VICEPRESIDENCIA: ['vicepresidencia'],
};
/** "Guatemala" alone is the country; the city or the department only with a cue before it. */
const COUNTRY = 'guatemala';

/**
 * What the catalog lets us recognize in a description: bodies named outright (their
 * acronym, their name, or its first distinctive words: "Ministerio de Salud") and places
 * (the 340 municipalities and 22 departments, a few common aliases, and a multi-word
 * municipality's own word when no other body shares it: "Carchá", "Cotzumalguapa").
 */
export class CatalogIndex {
  private readonly names: NamePattern[] = [];
  private readonly placePatterns: PlacePattern[] = [];
  private readonly governorships = new Map<string, string>();

  constructor(readonly subjects: readonly SubjectView[]) {
    const nameWords = subjects.map((s) => words(s.name));
    const wordUse = new Map<string, number>();
    for (const ws of nameWords) for (const w of new Set(ws)) wordUse.set(w, (wordUse.get(w) ?? 0) + 1);

    subjects.forEach((s, i) => {
      if (s.code.startsWith('GOB-') && s.departmentCode) this.governorships.set(s.departmentCode, s.code);
      for (const pattern of this.namePatterns(s, nameWords[i], nameWords)) this.names.push({ code: s.code, words: pattern });
    });

    const municipalities = subjects.filter((s) => s.sector === 'municipal' && s.municipalityCode);
    const byName = new Map<string, PlacePattern>();
    const addPlace = (ws: string[], municipality?: string, department?: string) => {
      const key = ws.join(' ');
      const pattern = byName.get(key) ?? { words: ws, municipalities: [] };
      if (municipality && !pattern.municipalities.includes(municipality)) pattern.municipalities.push(municipality);
      if (department) pattern.department = department;
      byName.set(key, pattern);
    };
    for (const m of municipalities) {
      const own = words(m.shortName);
      addPlace(own, m.code);
      for (const alias of PLACE_ALIASES[m.municipalityCode!] ?? []) addPlace(words(alias), m.code);
      // "San Pedro Carchá" is also just "Carchá" when no other body's name has that word.
      if (own.length > 1) {
        const last = own[own.length - 1];
        if (last.length >= 5 && wordUse.get(last) === 1 && !COMMON_WORDS.has(last)) addPlace([last], m.code);
      }
    }
    const departments = new Map(municipalities.map((m) => [m.departmentCode!, m.department!]));
    for (const [code, name] of departments) {
      addPlace(words(name), undefined, code);
      for (const alias of DEPARTMENT_ALIASES[code] ?? []) addPlace(words(alias), undefined, code);
    }
    this.placePatterns = [...byName.values()];
  }

  /** Bodies the description names outright; a longer name wins over one inside it. */
  named(description: readonly string[]): NamedBody[] {
    const hits: NamedBody[] = [];
    for (const p of this.names) {
      for (const start of occurrences(description, p.words)) hits.push({ code: p.code, start, end: start + p.words.length });
    }
    return outermost(hits).filter((h, i, all) => all.findIndex((o) => o.code === h.code) === i);
  }

  /** Municipalities and governorships whose territory the description names. */
  places(description: readonly string[], named: readonly Span[] = []): DetectedPlaces {
    const hits: (Span & { pattern: PlacePattern })[] = [];
    for (const pattern of this.placePatterns) {
      for (const start of occurrences(description, pattern.words)) hits.push({ start, end: start + pattern.words.length, pattern });
    }
    // A place inside a body's name ("Banco de Guatemala", "Lago de Atitlán") is part of that name.
    const free = outermost(hits).filter((h) => !named.some((n) => n.start <= h.start && h.end <= n.end));
    const departmentsNamed = new Set(free.map((h) => h.pattern.department).filter((d): d is string => !!d));
    const certainty = new Map<string, number>();
    const spans: Span[] = [];
    const add = (code: string | undefined, value: number) => {
      if (code) certainty.set(code, Math.max(certainty.get(code) ?? 0, value));
    };
    for (const hit of free) {
      const cue = [description[hit.start - 1], description[hit.start - 2]];
      const municipalCue = cue.some((w) => MUNICIPAL_CUES.includes(w));
      const departmentCue = cue.some((w) => DEPARTMENT_CUES.includes(w));
      const isCountry = hit.pattern.words.join(' ') === COUNTRY;
      if (isCountry && !municipalCue && !departmentCue) continue;
      spans.push(hit);
      const { municipalities, department } = hit.pattern;
      const municipal = municipalities.length > 0 && !(departmentCue && department);
      if (department && !(municipalCue && municipalities.length)) add(this.governorships.get(department), municipal ? 0.5 : 1);
      if (municipal) {
        // "San José" is several municipalities: the department named beside it decides.
        const inNamedDepartment = municipalities.filter((code) => departmentsNamed.has(code.slice(5, 7)));
        const candidates = inNamedDepartment.length ? inNamedDepartment : municipalities;
        const own = department && !municipalCue ? 0.75 : 1;
        for (const code of candidates) add(code, own / candidates.length);
      }
    }
    return { places: [...certainty].map(([code, c]) => ({ code, certainty: c })), spans };
  }

  private namePatterns(s: SubjectView, name: string[], all: string[][]): string[][] {
    const patterns: string[][] = [name, ...(NAME_ALIASES[s.code] ?? []).map(words)];
    if (s.sector === 'municipal') {
      const place = words(s.shortName);
      for (const cue of ['municipalidad', 'alcaldia', 'muni']) patterns.push([cue, 'de', ...place], [cue, ...place]);
      return patterns;
    }
    const short = words(s.shortName);
    // An acronym (SAT, MSPAS, SE-CONRED) or a name of several words ("Puerto Quetzal"); not a
    // single common word such as "Caminos", which is a topic.
    const acronym = /^[A-Z0-9-]{3,}$/.test(s.shortName);
    if (acronym || short.length > 1) patterns.push(short);
    if (/^[A-Z]{3,}$/.test(s.code) && s.code !== s.shortName) patterns.push([s.code.toLowerCase()]);
    if (acronym && short.length > 1) patterns.push([short.join('')]);
    // The shortest beginning of the name that ends in a content word and no other name starts with.
    for (let n = 2; n < name.length; n++) {
      const prefix = name.slice(0, n);
      if (STOP.has(prefix[n - 1]) || prefix.filter((w) => !STOP.has(w)).length < 2) continue;
      if (all.filter((other) => occurrences(other.slice(0, n), prefix)[0] === 0).length === 1) {
        patterns.push(prefix);
        break;
      }
    }
    return patterns;
  }
}

const STOP = new Set('de del la las el los y e para por contra en su a'.split(' '));

/** The hits that no longer hit contains. */
function outermost<T extends Span>(hits: T[]): T[] {
  return hits.filter(
    (h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start),
  );
}
