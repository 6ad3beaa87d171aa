import { ERRORS } from '@ventanilla/http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageCatalogue } from './message-catalogue';

const LIBS = join(__dirname, '../../..');

function files(directory: string, pattern: RegExp): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** Every literal key a template or a page's code asks for: `t('a.b')`, `t("a.b", …)`. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of [...files(LIBS, /\.njk$/), ...files(LIBS, /\.page\.[a-z-]*\.?ts$|pages?\/.*\.ts$/)]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([a-zA-Z0-9_.]+)['"]\s*[,)]/g)) used.set(match[1], file);
  }
  return used;
}

describe('the message catalogue', () => {
  const catalogue = new MessageCatalogue();

  it('has Spanish for every text a page uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([key]) => typeof catalogue.entry('es', key) !== 'string').map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has a title and a sentence for every error a page can show', () => {
    for (const code of [...Object.keys(ERRORS), 'CSRF']) {
      expect(typeof catalogue.entry('es', `error.${code}.titulo`)).toBe('string');
      expect(typeof catalogue.entry('es', `error.${code}.texto`)).toBe('string');
    }
  });

  it('fills parameters and falls back to Spanish, then to the key itself', () => {
    const t = catalogue.translator('quc');
    expect(t('inicio.resultados', { total: 3 })).toBe('Instituciones encontradas: 3');
    expect(t('no.existe')).toBe('no.existe');
    expect(catalogue.languages).toContain('es');
  });
});
