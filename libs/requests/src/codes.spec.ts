import { ACCESS_CODE_LENGTH, newAccessCode, newFolio, normalizeAccessCode, normalizeFolio } from './codes';

describe('folio', () => {
  it('is short, readable and unique enough', () => {
    const folios = new Set(Array.from({ length: 10000 }, () => newFolio(2026)));
    expect(folios.size).toBe(10000);
    for (const folio of [...folios].slice(0, 100)) {
      expect(folio.length).toBeLessThanOrEqual(24);
      expect(folio).toMatch(/^VT-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeFolio(folio)).toBe(folio);
    }
  });

  it.each([
    ['vt-2026-k7m4-q9xp', 'VT-2026-K7M4-Q9XP'],
    ['VT 2026 K7M4 Q9XP', 'VT-2026-K7M4-Q9XP'],
    ['VT-2026-O7M4-Q9XI', 'VT-2026-07M4-Q9X1'],
    ['VT-2026-L7M4-Q9XP', 'VT-2026-17M4-Q9XP'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeFolio(input)).toBe(expected);
  });

  it.each(['', 'VT-2026-K7M4', 'XX-2026-K7M4-Q9XP', 'VT-2026-K7M4-Q9XU', 'VT-26-K7M4-Q9XP'])('rejects %s', (input) => {
    expect(normalizeFolio(input)).toBeNull();
  });
});

describe('access code', () => {
  it('has at least 10 characters from an unambiguous alphabet', () => {
    const code = newAccessCode();
    expect(code).toHaveLength(ACCESS_CODE_LENGTH);
    expect(ACCESS_CODE_LENGTH).toBeGreaterThanOrEqual(10);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    expect(normalizeAccessCode(` ${code.toLowerCase().slice(0, 6)}-${code.slice(6)} `)).toBe(code);
  });
});
