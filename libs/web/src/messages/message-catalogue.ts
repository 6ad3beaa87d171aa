import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The language every text exists in; other catalogues may be partial and fall back to it. */
export const BASE_LANGUAGE = 'es';

type Tree = { [key: string]: string | string[] | Tree };
export type Params = Record<string, string | number | null | undefined>;
export type Translate = (key: string, params?: Params) => string;

/**
 * The pages' texts, one JSON file per language in this folder (`es.json`, and e.g. `cak.json`
 * for Kaqchikel or `quc.json` for K'iche' once a translator writes them): adding a language is
 * adding a file. Keys are dotted paths; `{name}` in a text is replaced by a parameter.
 */
export class MessageCatalogue {
  private readonly catalogues = new Map<string, Map<string, string | string[]>>();

  constructor(directory: string = __dirname) {
    for (const file of readdirSync(directory).filter((f) => /^[a-z]{2,3}\.json$/.test(f))) {
      const tree = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Tree;
      this.catalogues.set(file.slice(0, -5), flatten(tree));
    }
    if (!this.catalogues.has(BASE_LANGUAGE)) throw new Error(`Falta el catálogo de mensajes ${BASE_LANGUAGE}.json en ${directory}`);
  }

  get languages(): string[] {
    return [...this.catalogues.keys()].sort();
  }

  has(language: string): boolean {
    return this.catalogues.has(language);
  }

  keys(language = BASE_LANGUAGE): string[] {
    return [...(this.catalogues.get(language)?.keys() ?? [])];
  }

  /** The raw entry (a text or a list), in `language` or else in Spanish. */
  entry(language: string, key: string): string | string[] | undefined {
    return this.catalogues.get(language)?.get(key) ?? this.catalogues.get(BASE_LANGUAGE)!.get(key);
  }

  translator(language: string): Translate {
    return (key, params) => {
      const entry = this.entry(language, key);
      // A missing key shows itself, so a page never breaks and the gap is visible in review.
      if (typeof entry !== 'string') return key;
      return params ? interpolate(entry, params) : entry;
    };
  }
}

function interpolate(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
}

function flatten(tree: Tree, prefix = '', into = new Map<string, string | string[]>()): Map<string, string | string[]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}
