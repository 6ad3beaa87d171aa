/**
 * Guatemala's national languages (Ley de Idiomas Nacionales, Decreto 19-2003: Spanish, the 22
 * Mayan languages, Garífuna and Xinka) by ISO 639 code, as a request's `language` names them.
 * Chalchiteko has no code of its own in ISO 639-3 and is left out.
 */
export const GUATEMALAN_LANGUAGES: Readonly<Record<string, string>> = Object.freeze({
  es: 'español',
  spa: 'español',
  acr: 'Achi',
  knj: 'Akateko',
  agu: 'Awakateko',
  caa: "Ch'orti'",
  cac: 'Chuj',
  itz: "Itza'",
  ixl: 'Ixil',
  jac: "Popti' (Jakalteko)",
  cak: 'Kaqchikel',
  quc: "K'iche'",
  mam: 'Mam',
  mop: 'Mopán',
  poh: "Poqomchi'",
  poc: 'Poqomam',
  kjb: "Q'anjob'al",
  kek: "Q'eqchi'",
  quv: 'Sakapulteko',
  qum: 'Sipakapense',
  ttc: 'Tektiteko',
  tzj: "Tz'utujil",
  usp: 'Uspanteko',
  cab: 'Garífuna',
  xin: 'Xinka',
  // Often written for Kaqchikel (ISO 639-3 "kaq" is Capanahua, of Peru, not spoken here).
  kaq: 'Kaqchikel',
});

export interface LanguageView {
  code: string;
  /** Its name in Spanish, or the code itself when it is not one of Guatemala's languages. */
  name: string;
}

export function languageView(code: string | null | undefined): LanguageView {
  const c = (code ?? 'es').trim().toLowerCase() || 'es';
  return { code: c, name: GUATEMALAN_LANGUAGES[c] ?? c };
}

export function isSpanish(code: string | null | undefined): boolean {
  return languageView(code).name === 'español';
}

/** The language to name in a staff notice: null for Spanish, which needs no mention. */
export function noticeLanguage(code: string | null | undefined): string | null {
  return isSpanish(code) ? null : languageView(code).name;
}
