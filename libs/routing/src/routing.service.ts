import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubjectView } from '@ventanilla/subjects';
import { CatalogIndex, isLocal } from './catalog-index';
import { Concept, idf, placeScore, rank, RANKING, RankedItem, SuggestionReason, topicScore } from './ranking';
import { PLACE_CUES, REQUEST_WORDS, words } from './text';
import { TOPIC_SYNONYMS } from './topic-synonyms';

export interface RoutingSuggestion {
  subject: SubjectView;
  /** Comparable across descriptions: 1 for a body named outright, under 0.33 a weak guess. */
  score: number;
  reason: SuggestionReason;
}

export interface RoutingAnswer {
  items: RoutingSuggestion[];
  confidence: 'high' | 'low';
  /** Set when the confidence is low: where to go instead. */
  hint: string | null;
}

export const LOW_CONFIDENCE_HINT =
  'No estamos seguros de qué institución es la competente: puede enviarla a la PDH para orientación.';

const LIMIT = 10;
/** What the catalog index reads from a subject, as one text (hashed into the catalog's fingerprint). */
const SUBJECT_KEY = `concat_ws('|', code, name, short_name, sector, department_code, department, municipality_code)`;

/** A synonym term as PostgreSQL stems it: its lexemes and their distance from the first. */
interface Term {
  query: string;
  lexemes: { lexeme: string; offset: number }[];
}

/**
 * Which bodies are likely competent for a description, from two signals:
 * - the topic: the description's words, stemmed by PostgreSQL's Spanish configuration and
 *   widened by `TOPIC_SYNONYMS`, against each central body's name and competences, each word
 *   weighted by how rare it is in the catalog ("nacional" says little, "IVA" a lot);
 * - the place: the municipality or department the text names, which brings the municipality
 *   or governorship, scored by how municipal the topic is.
 * A body named outright (acronym, name) comes first. Scores are in [0, 1] for every
 * description, so a weak answer looks weak, and below a threshold the answer says so.
 */
@Injectable()
export class RoutingService {
  private synonyms?: Promise<Term[][]>;
  private cached?: { fingerprint: string; index: CatalogIndex };

  constructor(private readonly dataSource: DataSource) {}

  async suggest(description: string): Promise<RoutingAnswer> {
    const said = words(description);
    // One round trip: whether the catalog changed, and each word's lexeme as PostgreSQL's
    // Spanish configuration stems it (a word's index is its position, as in a tsvector).
    const [{ fingerprint, lexemes }]: { fingerprint: string; lexemes: [number, string][] }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) || ':' || coalesce(sum(hashtext(${SUBJECT_KEY})), 0) FROM subjects WHERE active) AS fingerprint,
              coalesce((SELECT json_agg(json_build_array(w.i - 1, l.lexeme))
                        FROM unnest($1::text[]) WITH ORDINALITY AS w(t, i), unnest(to_tsvector('es_unaccent', w.t)) AS l), '[]') AS lexemes`,
      [said],
    );
    const catalog = await this.catalog(fingerprint);
    const subjects = catalog.subjects;
    const named = catalog.named(said);
    const { places, spans } = catalog.places(said, named);

    // The topic is what remains once places, their cues and a request's own words are set aside;
    // their positions stay empty, so a phrase never matches across a removed word.
    const inPlace = (i: number) => spans.some((s) => s.start <= i && i < s.end);
    const topicWords = (i: number) => !inPlace(i) && !PLACE_CUES.has(said[i]) && !REQUEST_WORDS.has(said[i]);
    const concepts = await this.concepts(
      lexemes.filter(([i]) => topicWords(i)),
      lexemes.filter(([i]) => inPlace(i)).map(([, lexeme]) => lexeme),
      places.map((p) => p.code),
      subjects,
    );

    const topic: RankedItem[] = [];
    const scores = new Map<string, number>();
    for (const s of subjects) {
      if (isLocal(s)) continue;
      const score = topicScore(s.code, concepts);
      scores.set(s.code, score);
      if (score > 0) topic.push({ code: s.code, score, reason: 'topic' });
    }
    const local = places.map((p) => ({ code: p.code, score: placeScore(p.certainty, topicScore(p.code, concepts, true)), reason: 'place' as const }));
    const namedItems = named
      .map((n) => ({ code: n.code, score: 1, reason: 'name' as const, topic: scores.get(n.code) ?? 0 }))
      .sort((a, b) => b.topic - a.topic);

    const ranked = rank(namedItems, topic, local, LIMIT);
    const byCode = new Map(subjects.map((s) => [s.code, s]));
    const items = ranked.map((r) => ({ subject: byCode.get(r.code)!, score: Math.round(r.score * 10000) / 10000, reason: r.reason }));
    const sure = items.length > 0 && items[0].score >= RANKING.lowConfidence;
    return { items, confidence: sure ? 'high' : 'low', hint: sure ? null : LOW_CONFIDENCE_HINT };
  }

  /**
   * The description's matters (synonym groups it uses, then its remaining lexemes, then the
   * places' words) and the bodies each matches. The 340 municipalities share one text of
   * competences, as do the 22 governorships: each set counts as one body in the frequencies,
   * and only the municipalities and governorships the text places it in are matched.
   */
  private async concepts(
    topicLexemes: [number, string][],
    placeLexemes: string[],
    placeCodes: string[],
    subjects: readonly SubjectView[],
  ): Promise<Concept[]> {
    const groups = await this.synonymTerms();
    const at = new Map<string, Set<number>>();
    for (const [position, lexeme] of topicLexemes) at.set(lexeme, (at.get(lexeme) ?? new Set()).add(position));
    const consumed = new Set<string>();
    // `said`: how many of the description's words a matter takes ("impacto ambiental" two,
    // "contratos adjudicados en Guatecompras" three): a matter said at length says more.
    const queries: { query: string; place?: boolean; said?: number }[] = [];
    for (const terms of groups) {
      const hits = terms.flatMap((t) => termHits(t, at));
      if (!hits.length) continue;
      const fresh = hits.filter((h) => !consumed.has(h));
      for (const hit of hits) consumed.add(hit);
      queries.push({ query: terms.map((t) => `(${t.query})`).join(' | '), said: new Set(fresh).size });
    }
    for (const [lexeme, positions] of at) {
      if (/^\d+$/.test(lexeme) || [...positions].every((p) => consumed.has(`${lexeme}@${p}`))) continue;
      queries.push({ query: quote(lexeme) });
    }
    for (const lexeme of new Set(placeLexemes)) queries.push({ query: quote(lexeme), place: true });
    if (!queries.length) return [];

    const matches: { concept: number; code: string; rank: number }[] = await this.dataSource.query(
      `SELECT c.i::int - 1 AS concept, s.code, ts_rank('{0.1, 0.2, 0.4, 1.0}', s.search_vector, c.q::tsquery, 1) AS rank
       FROM unnest($1::text[]) WITH ORDINALITY AS c(q, i)
       JOIN subjects s ON s.active AND s.search_vector @@ c.q::tsquery
       WHERE (s.sector <> 'municipal' AND s.code NOT LIKE 'GOB-%') OR s.code = ANY($2::text[])`,
      [queries.map((q) => q.query), [...placeCodes, ...representatives(subjects)]],
    );
    const documents = subjects.filter((s) => !isLocal(s)).length + 2;
    const representativeCodes = new Set(representatives(subjects));
    const placed = new Set(placeCodes);
    const concepts: Concept[] = queries.map((q) => ({ weight: 0, matches: new Map(), place: q.place }));
    const bodies = concepts.map(() => new Set<string>());
    const maxRank = concepts.map(() => 1e-9);
    for (const m of matches) maxRank[m.concept] = Math.max(maxRank[m.concept], Number(m.rank));
    for (const m of matches) {
      const local = m.code.startsWith('MUNI-') ? 'MUNI' : m.code.startsWith('GOB-') ? 'GOB' : undefined;
      if (!local || representativeCodes.has(m.code)) bodies[m.concept].add(local ?? m.code);
      if (!local || placed.has(m.code)) concepts[m.concept].matches.set(m.code, Number(m.rank) / maxRank[m.concept]);
    }
    concepts.forEach((c, i) => {
      const extraWords = Math.max(0, (queries[i].said ?? 1) - 1);
      c.weight = idf(documents, bodies[i].size) * (1 + RANKING.extraWordWeight * extraWords);
    });
    return concepts;
  }

  /**
   * The catalog's names and places, rebuilt only when a subject's name, place or state changed
   * (an administrator may add or rename bodies at any time), as the fingerprint tells.
   */
  private async catalog(fingerprint: string): Promise<CatalogIndex> {
    if (this.cached?.fingerprint === fingerprint) return this.cached.index;
    const subjects: SubjectView[] = await this.dataSource.query(
      `SELECT code, name, short_name AS "shortName", sector, department_code AS "departmentCode", department,
              municipality_code AS "municipalityCode", active
       FROM subjects WHERE active ORDER BY code`,
    );
    // Read after the fingerprint, so at least as new as it: a change in between only means
    // that the next request reads the catalog again.
    const index = new CatalogIndex(subjects);
    this.cached = { fingerprint, index };
    return index;
  }

  /** The synonym groups as PostgreSQL stems them, computed once per process. */
  private synonymTerms(): Promise<Term[][]> {
    this.synonyms ??= (async () => {
      const all = TOPIC_SYNONYMS.flat();
      const rows: { q: string }[] = await this.dataSource.query(
        `SELECT phraseto_tsquery('es_unaccent', t)::text AS q FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i`,
        [all],
      );
      const stemmed = new Map(all.map((t, i) => [t, parseTerm(rows[i].q)]));
      return TOPIC_SYNONYMS.map((group) => group.map((t) => stemmed.get(t)!).filter((t) => t.lexemes.length > 0));
    })().catch((error: unknown) => {
      this.synonyms = undefined;
      throw error;
    });
    return this.synonyms;
  }
}

/** One municipality and one governorship, standing for all of them in word frequencies. */
function representatives(subjects: readonly SubjectView[]): string[] {
  const muni = subjects.find((s) => s.sector === 'municipal');
  const gob = subjects.find((s) => s.code.startsWith('GOB-'));
  return [muni?.code, gob?.code].filter((c): c is string => !!c);
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/'/g, "''")}'`;
}

/** `'centr' <2> 'salud'` → centr at 0, salud at 2. */
function parseTerm(query: string): Term {
  const lexemes: Term['lexemes'] = [];
  let offset = 0;
  for (const token of query.matchAll(/'((?:[^']|'')*)'|<(-|\d+)>/g)) {
    if (token[1] !== undefined) lexemes.push({ lexeme: token[1].replace(/''/g, "'"), offset });
    else offset += token[2] === '-' ? 1 : Number(token[2]);
  }
  return { query, lexemes };
}

/** Where a term occurs in the description: its lexemes as `lexeme@position`, for each occurrence. */
function termHits(term: Term, at: Map<string, Set<number>>): string[] {
  const [first, ...rest] = term.lexemes;
  const hits: string[] = [];
  for (const p of at.get(first.lexeme) ?? []) {
    if (rest.every((l) => at.get(l.lexeme)?.has(p + l.offset))) {
      hits.push(...term.lexemes.map((l) => `${l.lexeme}@${p + l.offset}`));
    }
  }
  return hits;
}
