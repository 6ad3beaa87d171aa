import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The domain throws DomainError and knows nothing of HTTP: the contract's codes are
// libs/http's (`contractError`). This reads the imports of the domain's files, so an
// HttpException (or AppError) brought back into them fails here.
const ROOT = join(__dirname, '..', '..', '..');

/** The pure rules: no Nest at all, no HTTP. */
const PURE_RULES = [
  'libs/domain/src',
  'libs/calendar/src/law',
  'libs/cases/src/case-status.ts',
  'libs/cases/src/open-cases.ts',
  'libs/cases/src/milestone-plan.ts',
  'libs/workflow/src/extension/extension-rule.ts',
  'libs/workflow/src/appeal/appeal-window.ts',
];
/** The case's domain with its services and store: Nest's injection is fine, its exceptions and HTTP are not. */
const DOMAIN = [...PURE_RULES, 'libs/cases/src'];

function sources(path: string): string[] {
  const full = join(ROOT, path);
  // A guarded path that moved must be named again here, not silently dropped.
  if (!existsSync(full)) throw new Error(`${path} no existe: actualice la lista de archivos del dominio`);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => {
    const child = join(path, name);
    if (statSync(join(ROOT, child)).isDirectory()) return sources(child);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [child] : [];
  });
}

interface Import {
  module: string;
  names: string[];
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/\b(?:import|export)\s+(?:type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const names = (m[1].match(/\{([\s\S]*)\}/)?.[1] ?? m[1]).split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]).filter(Boolean);
    found.push({ module: m[2], names });
  }
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ module: m[1], names: ['*'] });
  return found;
}

// By alias or by a relative path into the lib.
const HTTP = /^@ventanilla\/(http|web)(\/|$)|(^|\/)(http|web)\/src(\/|$)/;

function violations(files: string[], rule: (i: Import) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter(rule).map((i) => `${file}: ${i.names.join(', ')} from '${i.module}'`));
}

describe('the domain knows nothing of HTTP', () => {
  const domain = [...new Set(DOMAIN.flatMap(sources))];
  const pure = [...new Set(PURE_RULES.flatMap(sources))];

  it('reads the files it guards', () => {
    for (const file of ['libs/cases/src/case-status.ts', 'libs/cases/src/case-actions.service.ts', 'libs/cases/src/case-documents.ts', 'libs/cases/src/milestone-plan.ts', 'libs/workflow/src/extension/extension-rule.ts']) {
      expect(domain.map((f) => relative('.', f))).toContain(file);
    }
    expect(importsOf('libs/cases/src/case-status.ts')).toContainEqual({ module: '@ventanilla/domain', names: ['DomainError'] });
  });

  it('no domain file imports libs/http or Nest\'s exceptions', () => {
    expect(violations(domain, (i) => HTTP.test(i.module) || (i.module.startsWith('@nestjs/') && i.names.some((n) => n === '*' || n.endsWith('Exception'))))).toEqual([]);
  });

  it('the pure rules import no Nest at all', () => {
    expect(violations(pure, (i) => HTTP.test(i.module) || i.module.startsWith('@nestjs/'))).toEqual([]);
  });

  it('libs/domain depends on nothing', () => {
    expect(violations(sources('libs/domain/src'), (i) => !i.module.startsWith('.'))).toEqual([]);
  });
});
