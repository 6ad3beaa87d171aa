import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * One door for each kind of write to cases (#13): the store in libs/cases/src/store locks,
 * loads and changes cases and appends to their histories; every feature goes through it
 * (CaseWrites.run). Cases are born in one other place, the CaseFactory's statement; the history's
 * statement is written once, in case-events.ts, and run by the store (and by the births).
 * Read from the sources, so a feature that takes its own lock or writes its own row fails here.
 */
const root = resolve(__dirname, '../..');
const STORE = 'libs/cases/src/store/';
const ALLOWED: Record<string, RegExp[]> = {
  // Births: a filing's request, its cases and their first events in one statement.
  'libs/cases/src/case-factory.service.ts': [/INSERT INTO cases\b/],
  // The history's one statement (appendEvents / appendEventsSql).
  'libs/cases/src/case-events.ts': [/INSERT INTO case_events\b/],
};

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** What a file does to cases behind the store's back: each a short description with the matched text. */
function caseWrites(text: string): string[] {
  const found: string[] = [];
  const add = (what: string, re: RegExp) => {
    for (const match of text.matchAll(re)) found.push(`${what}: ${match[0].replace(/\s+/g, ' ').slice(0, 80)}`);
  };
  // SQL: a statement (a template or quoted literal) that locks a row of cases, or writes cases or their events.
  for (const literal of text.match(/`[^`]*`|'[^'\n]*'|"[^"\n]*"/g) ?? []) {
    if (/\b(FROM|JOIN)\s+cases\b/i.test(literal) && /\bFOR\s+(UPDATE|NO\s+KEY\s+UPDATE|SHARE|KEY\s+SHARE)\b/i.test(literal)) found.push(`lock: ${literal.slice(0, 80)}`);
    const write = literal.match(/\b(UPDATE|DELETE\s+FROM|INSERT\s+INTO|TRUNCATE)\s+(cases|case_events)\b/i);
    if (write) found.push(`write: ${write[0]}`);
  }
  // TypeORM: writes of the entities, a lock in a query of cases.
  add('entity write', /\.(save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\(\s*(Case|CaseEvent)\b/g);
  add('entity lock', /createQueryBuilder\(\s*Case\b[^;]*?\.setLock\(/gs);
  add('entity lock', /\.(find|findOne|findOneBy|findOneOrFail)\(\s*Case\b[^;]*?\block\s*:/gs);
  // A repository of cases or events injected into a feature: it may read, never write or lock.
  for (const [, field] of text.matchAll(/(\w+)\s*:\s*Repository<(?:Case|CaseEvent)>/g)) {
    add('repository write', new RegExp(`this\\.${field}\\.(save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\\(`, 'g'));
    add('repository lock', new RegExp(`this\\.${field}\\.(createQueryBuilder\\([^;]*?\\.setLock\\(|find\\w*\\([^;]*?\\block\\s*:)`, 'gs'));
  }
  return found;
}

describe('the one write door for cases', () => {
  const files = [...sources('libs'), ...sources('apps')].filter((path) => !path.startsWith(STORE) && !path.includes('/migrations/'));

  it('reads the sources it checks (the store itself is left out)', () => {
    expect(files).toContain('libs/documents/src/upload/document-upload.service.ts');
    expect(files).toContain('libs/watch/src/milestones/milestone-effects.service.ts');
    expect(files.some((path) => path.startsWith(STORE))).toBe(false);
    // The check sees what it looks for: the store's own statements are found when read.
    const store = sources(STORE.slice(0, -1)).map((path) => readFileSync(join(root, path), 'utf8')).join('\n');
    expect(caseWrites(store).some((what) => what.startsWith('entity lock'))).toBe(true);
    expect(caseWrites(store).some((what) => what.startsWith('write: UPDATE cases'))).toBe(true);
    expect(caseWrites(store).some((what) => what.startsWith('entity write'))).toBe(true);
    expect(caseWrites('`SELECT status FROM cases WHERE id = $1 FOR UPDATE`')).toHaveLength(1);
    const feature = `constructor(@InjectRepository(Case) private readonly cases: Repository<Case>) {}
      a() { return this.cases.save(c); }
      b() { return this.cases.createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne(); }
      c() { return this.cases.findOne({ where: { id } }); }`;
    expect(caseWrites(feature).map((what) => what.split(':')[0])).toEqual(['repository write', 'repository lock']);
  });

  it('finds no lock or write of cases and their events outside libs/cases/src/store (births and the history statement aside)', () => {
    const outside = files.flatMap((path) => {
      const allowed = ALLOWED[path] ?? [];
      const text = readFileSync(join(root, path), 'utf8');
      return caseWrites(text)
        .filter((what) => !allowed.some((re) => re.test(what)))
        .map((what) => `${relative(root, join(root, path))}: ${what}`);
    });
    expect(outside).toEqual([]);
  });
});
