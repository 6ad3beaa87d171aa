import { CASE_STATUSES, CaseStatus, isOpen, isOverdue, OPEN_CASE_SQL, overdueCaseSql } from '@ventanilla/cases';
import { ScratchDataSource, scratchDataSource } from '@ventanilla/testing';
import { DataSource } from 'typeorm';

// Instants at the edges of a Guatemalan day (UTC-6): the last minute of 16 March and the first of 17 March.
const NOW = [new Date('2026-03-16T23:59:00-06:00'), new Date('2026-03-17T00:00:00-06:00'), new Date('2026-03-17T12:00:00-06:00')];
const TERMS = ['2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18'];

describe('open and overdue: the TypeScript rule and the SQL fragment agree (e2e)', () => {
  let db: DataSource;
  let scratch: ScratchDataSource | undefined;
  beforeAll(async () => {
    scratch = await scratchDataSource();
    db = scratch.db;
  });
  afterAll(() => scratch?.close());

  it('gives the same answer for every status, term and instant at the edges of the day', async () => {
    const cases = CASE_STATUSES.flatMap((status) => TERMS.map((termDueDate) => ({ status, termDueDate })));
    for (const now of NOW) {
      // PostgreSQL is told "today" the way every caller tells it: the local date of `now`, as a parameter.
      const rows: { status: CaseStatus; term: string; open: boolean; overdue: boolean }[] = await db.query(
        `SELECT c.status, c.term_due_date::text AS term, ${OPEN_CASE_SQL} AS open, ${overdueCaseSql('$3::date')} AS overdue
         FROM unnest($1::text[], $2::date[]) AS c(status, term_due_date)`,
        [cases.map((c) => c.status), cases.map((c) => c.termDueDate), localDay(now)],
      );
      expect(rows).toHaveLength(cases.length);
      for (const row of rows) {
        const c = { status: row.status, termDueDate: row.term };
        expect({ ...c, now, open: row.open, overdue: row.overdue }).toEqual({ ...c, now, open: isOpen(c.status), overdue: isOverdue(c, now) });
      }
    }
    // Not vacuous: both answers occur.
    expect(cases.some((c) => isOverdue(c, NOW[1]))).toBe(true);
    expect(cases.some((c) => isOpen(c.status) && !isOverdue(c, NOW[1]))).toBe(true);
  });

  /** The partial indexes built on the open rule: the terms' own, and the inbox's (migration 1765000017002). */
  const OPEN_RULE_INDEXES = ['cases_open_term', 'cases_subject_inbox'];

  it('each partial index on open cases holds exactly the cases the SQL fragment and isOpen call open', async () => {
    const predicates: { name: string; predicate: string }[] = await db.query(
      `SELECT i.relname AS name, pg_get_expr(x.indpred, x.indrelid) AS predicate
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid = 'cases'::regclass AND i.relname = ANY($1::text[]) ORDER BY i.relname`,
      [OPEN_RULE_INDEXES],
    );
    expect(predicates.map((p) => p.name)).toEqual([...OPEN_RULE_INDEXES].sort());
    for (const { name, predicate } of predicates) {
      expect({ name, partial: predicate !== null }).toEqual({ name, partial: true });
      // Every status, evaluated by PostgreSQL through the index's own predicate and through the
      // fragment: a fragment or an index that drifted narrower or wider disagrees on some status.
      const rows: { status: CaseStatus; byIndex: boolean; byFragment: boolean }[] = await db.query(
        `SELECT c.status, (${predicate}) AS "byIndex", (${OPEN_CASE_SQL}) AS "byFragment" FROM unnest($1::text[]) AS c(status)`,
        [[...CASE_STATUSES]],
      );
      expect(rows).toHaveLength(CASE_STATUSES.length);
      for (const row of rows) expect({ name, ...row }).toEqual({ name, status: row.status, byIndex: isOpen(row.status), byFragment: isOpen(row.status) });
    }
  });

  it('the planner proves the fragment against a partial index on open cases (it is written as a literal list)', async () => {
    // On a near-empty table the planner may take either of them.
    const plan = await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`);
      await tx.query(`SET LOCAL enable_bitmapscan = off`);
      const rows: { 'QUERY PLAN': string }[] = await tx.query(
        `EXPLAIN SELECT c.id FROM cases c WHERE ${overdueCaseSql(`'2026-03-17'::date`)}`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(OPEN_RULE_INDEXES.some((name) => plan.includes(name))).toBe(true);
  });
});

function localDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guatemala' }).format(now);
}
