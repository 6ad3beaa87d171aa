import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const LIBS = join(__dirname, '..', '..', '..');
const SHARED = 'workflow/src/staff-pages/case-thread.njk';

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : templates(path);
    return entry.name.endsWith('.njk') ? [path] : [];
  });
}

/**
 * A case's history is printed by one macro (`case-thread.njk`): the officer's case page and the
 * oversight pages (the authority's appeal and the PDH's case, through case-record.njk) call it,
 * so a change to how a step reads reaches every staff page, and none keeps a copy that drifts.
 */
describe("the case history's markup", () => {
  const all = templates(LIBS).map((path) => ({ name: relative(LIBS, path), source: readFileSync(path, 'utf8') }));

  it('finds the templates it checks', () => {
    expect(all.map((t) => t.name)).toEqual(expect.arrayContaining([SHARED, 'workflow/src/staff-pages/case.njk', 'workflow/src/oversight-pages/case-record.njk']));
  });

  it('is written once, in case-thread.njk', () => {
    const copies = all.filter((t) => /class="timeline thread"|thread"\s*>|for e in thread/.test(t.source)).map((t) => t.name);
    expect(copies).toEqual([SHARED]);
  });

  it.each(['workflow/src/staff-pages/case.njk', 'workflow/src/oversight-pages/case-record.njk'])('%s prints the history through the macro', (name) => {
    const source = all.find((t) => t.name === name)!.source;
    expect(source).toMatch(/\{% import "\.{1,2}\/(staff-pages\/)?case-thread\.njk" as threads with context %\}/);
    expect(source).toContain('threads.caseThread(thread, groundCodes)');
  });
});
