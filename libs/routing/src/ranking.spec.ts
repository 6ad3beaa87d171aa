import { Concept, idf, placeScore, rank, RANKING, RankedItem, topicScore } from './ranking';

const concept = (weight: number, matches: Record<string, number>, place = false): Concept => ({
  weight,
  matches: new Map(Object.entries(matches)),
  place,
});
const item = (code: string, score: number, reason: RankedItem['reason']): RankedItem => ({ code, score, reason });

describe('topic score', () => {
  it('is the covered share of the description times the strength of the evidence, in [0, 1]', () => {
    const concepts = [concept(4, { A: 1, B: 1 }), concept(4, { A: 1 }), concept(RANKING.unknownWeight, {})];
    const a = topicScore('A', concepts);
    const b = topicScore('B', concepts);
    expect(a).toBeGreaterThan(b);
    expect(a).toBeLessThanOrEqual(1);
    expect(topicScore('C', concepts)).toBe(0);
    // Words no body knows still dilute the match: the same match in a longer text is weaker.
    expect(topicScore('A', [...concepts, concept(RANKING.unknownWeight, {})])).toBeLessThan(a);
  });

  it('counts a passing mention less than competences about the matter', () => {
    const concepts = [concept(3, { MAIN: 1, MENTION: 0 })];
    expect(topicScore('MAIN', concepts)).toBeGreaterThan(topicScore('MENTION', concepts));
    expect(topicScore('MENTION', concepts)).toBeGreaterThan(0);
    // Local bodies list every municipal service: each match counts whole.
    expect(topicScore('MENTION', concepts, true)).toBe(topicScore('MAIN', concepts));
  });

  it('makes one common word weak and several rare ones strong', () => {
    const common = topicScore('A', [concept(idf(128, 30), { A: 1 })]);
    const rare = topicScore('A', [concept(idf(128, 1), { A: 1 }), concept(idf(128, 2), { A: 1 })]);
    expect(common).toBeLessThan(RANKING.lowConfidence);
    expect(rare).toBeGreaterThan(0.6);
  });

  it('lets a place help a body whose competences name it, never alone', () => {
    const topic = concept(3, { LAKE: 1, OTHER: 1 });
    const place = concept(3, { LAKE: 1, ALONE: 1 }, true);
    expect(topicScore('LAKE', [topic, place])).toBeGreaterThan(topicScore('OTHER', [topic, place]));
    expect(topicScore('ALONE', [topic, place])).toBe(0);
  });
});

describe('place score', () => {
  it('is a modest base for the place alone, and grows with how municipal the topic is', () => {
    expect(placeScore(1, 0)).toBe(RANKING.placeBase);
    expect(placeScore(1, 1)).toBe(1);
    expect(placeScore(0.5, 0)).toBeLessThan(placeScore(1, 0));
  });
});

describe('rank', () => {
  it('puts named bodies first, then the rest by score, best first', () => {
    const ranked = rank([item('N', 1, 'name')], [item('T1', 0.6, 'topic'), item('T2', 0.4, 'topic')], [item('P', 0.5, 'place')], 10);
    expect(ranked.map((r) => r.code)).toEqual(['N', 'T1', 'P', 'T2']);
  });

  it('never lets places push the best topic match out of the top three', () => {
    const places = ['P1', 'P2', 'P3', 'P4'].map((code, i) => item(code, 0.9 - i * 0.1, 'place'));
    const ranked = rank([], [item('T', 0.2, 'topic')], places, 10);
    expect(ranked.map((r) => r.code).slice(0, 3)).toEqual(['P1', 'P2', 'T']);
    const scores = ranked.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // With a body named, one place fewer may stand before the best topic match.
    const withName = rank([item('N', 1, 'name')], [item('T', 0.2, 'topic')], places, 10);
    expect(withName.map((r) => r.code).slice(0, 3)).toEqual(['N', 'P1', 'T']);
  });

  it('drops noise: under the floor, or far under the best', () => {
    const ranked = rank([], [item('A', 0.8, 'topic'), item('B', 0.1, 'topic'), item('C', 0.05, 'topic')], [], 10);
    expect(ranked.map((r) => r.code)).toEqual(['A']);
  });

  it('keeps each body once, and at most the limit', () => {
    const ranked = rank([item('A', 1, 'name')], [item('A', 0.5, 'topic'), item('B', 0.5, 'topic')], [item('B', 0.6, 'place')], 2);
    expect(ranked).toEqual([item('A', 1, 'name'), item('B', 0.6, 'place')]);
  });
});
