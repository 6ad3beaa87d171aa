import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A fresh clone is all a newcomer has: every link the README and docs/ give must resolve inside it. */
const root = resolve(__dirname, '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  return targets.filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'));
}

function headingAnchors(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#+\s+(.+)$/gm)].map((match) => match[1]);
  // GitHub's slugs: lower case, punctuation dropped, spaces to hyphens.
  return new Set(headings.map((text) => text.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')));
}

describe('documentation links', () => {
  it.each(documents)('%s links only to files of this repository', (document) => {
    const markdown = readFileSync(join(root, document), 'utf8');
    for (const link of relativeLinks(markdown)) {
      const [path, anchor] = link.split('#');
      const target = resolve(root, dirname(document), path);
      expect({ link, inside: !relative(root, target).startsWith('..'), exists: existsSync(target) }).toEqual({ link, inside: true, exists: true });
      if (anchor) expect(headingAnchors(readFileSync(target, 'utf8')).has(anchor) ? anchor : `#${anchor} missing in ${path}`).toBe(anchor);
    }
  });

  it('names no path outside the repository, in links or in code spans', () => {
    for (const document of documents) {
      expect({ document, outside: readFileSync(join(root, document), 'utf8').match(/\.\.\/shared|\/work\//g) }).toEqual({ document, outside: null });
    }
  });

  it('the README leads to the API guide, the law and the OpenAPI document', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const expected of ['](docs/api.md)', '](docs/laip.md)', '/api/docs-json', '/api/docs-yaml']) expect(readme).toContain(expected);
  });
});
