/**
 * The ranking as plain arithmetic, so each rule is a unit test. The service finds the
 * signals (bodies named, places named, which bodies each matter of the description matches)
 * and this file turns them into comparable scores between 0 and 1.
 */

export type SuggestionReason = 'name' | 'topic' | 'place';

/** One matter of the description: a word, or a group of synonyms, and the bodies it matches. */
export interface Concept {
  /** How much the matter says: rarer in the catalog says more (inverse document frequency). */
  weight: number;
  /** Matched bodies, each with how much of its competences is about the matter (0 to 1, the most 1). */
  matches: Map<string, number>;
  /** A place's own words: they help a body whose competences name the place, never alone. */
  place?: boolean;
}

export interface PlaceSignal {
  code: string;
  certainty: number;
}

export interface RankedItem {
  code: string;
  score: number;
  reason: SuggestionReason;
}

export const RANKING = {
  /** Weight of a word no body's competences contain: it still dilutes the topic. */
  unknownWeight: 1,
  /** What a passing mention of a matter in a body's competences counts, against 1 for the body most about it. */
  mentionShare: 0.6,
  /** A matter said in several words ("impacto ambiental") says more: each word beyond the first adds this share. */
  extraWordWeight: 0.5,
  /** How much matched weight makes a match strong (1 − e^(−w/τ)): one rare word ≈ 0.6, a common one ≈ 0.3. */
  strengthTau: 5,
  /** A place alone is worth this much of its certainty; the local body's competences add the rest. */
  placeBase: 0.3,
  /** A body whose competences also name the place gets this much more topic score. */
  placeInCompetences: 0.1,
  /** Below this, the service says it is not sure. */
  lowConfidence: 0.33,
  /** Suggestions weaker than this are noise, and so are those under this share of the best. */
  floor: 0.08,
  relativeFloor: 0.25,
  /** How many place suggestions may stand before the best topic match. */
  placesBeforeTopic: 2,
};

/** Inverse document frequency over `documents` bodies, for a matter `df` of them contain. */
export function idf(documents: number, df: number): number {
  return df > 0 ? Math.log(1 + documents / df) : RANKING.unknownWeight;
}

/**
 * How well the description's matters point to `code`, in [0, 1]: the share of the
 * description's weight it covers (each match counted by how much of the body's competences
 * are about that matter, from 0.6 for a passing mention to 1), times the strength of the
 * evidence (one rare word is less than three). A municipality's competences list every local
 * service, so no single one dominates them: for local bodies every match counts whole.
 */
export function topicScore(code: string, concepts: readonly Concept[], local = false): number {
  const total = concepts.filter((c) => !c.place).reduce((sum, c) => sum + c.weight, 0);
  if (!total) return 0;
  let matched = 0;
  let placeNamed = false;
  for (const c of concepts) {
    const m = c.matches.get(code);
    if (m === undefined) continue;
    if (c.place) placeNamed = true;
    else matched += c.weight * (local ? 1 : RANKING.mentionShare + (1 - RANKING.mentionShare) * m);
  }
  if (!matched) return 0;
  const score = (matched / total) * (1 - Math.exp(-matched / RANKING.strengthTau));
  return Math.min(1, score * (placeNamed ? 1 + RANKING.placeInCompetences : 1));
}

/** A municipality or governorship the description places the request in. */
export function placeScore(certainty: number, localTopic: number): number {
  return certainty * (RANKING.placeBase + (1 - RANKING.placeBase) * localTopic);
}

/**
 * Named bodies first (in the order given), then topic and place suggestions by
 * score, where no more than `placesBeforeTopic` places stand before the best topic match:
 * a place that would is given that match's score and goes after it. Noise is dropped, but
 * never the best topic match.
 */
export function rank(named: readonly RankedItem[], topic: readonly RankedItem[], places: readonly RankedItem[], limit: number): RankedItem[] {
  const order: Record<SuggestionReason, number> = { name: 0, topic: 1, place: 2 };
  const byScore = (a: RankedItem, b: RankedItem) => b.score - a.score || order[a.reason] - order[b.reason] || a.code.localeCompare(b.code);
  const namedCodes = new Set(named.map((n) => n.code));
  const rest = [...topic, ...places].filter((i) => !namedCodes.has(i.code)).sort(byScore);
  const seen = new Set<string>();
  const unique = rest.filter((i) => !seen.has(i.code) && seen.add(i.code));
  const best = unique.find((i) => i.reason === 'topic');
  const top = unique[0]?.score ?? 0;
  const kept = unique.filter((i) => i === best || (i.score >= RANKING.floor && i.score >= top * RANKING.relativeFloor));
  if (best) {
    const allowed = Math.max(0, RANKING.placesBeforeTopic - named.length);
    const before = kept.slice(0, kept.indexOf(best)).filter((i) => i.reason === 'place');
    for (const place of before.slice(allowed)) place.score = best.score;
    kept.sort(byScore);
  }
  return [...named, ...kept].slice(0, limit);
}
