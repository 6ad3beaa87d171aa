import { Language } from './error-codes';

/** Spanish unless the client prefers English (`Accept-Language: en…`). */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const value = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'es';
}
