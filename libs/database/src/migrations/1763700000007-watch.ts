import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline watch: each open case's milestones (reminders, overdue, afirmativa ficta, appeal
 * term), each one's effect recorded once; where the daily digests left off; indexes for the
 * sweep, the PDH digest and the outbox pruning.
 */
export class Watch1763700000007 implements MigrationInterface {
  name = 'Watch1763700000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_milestones (
        case_id uuid NOT NULL REFERENCES cases(id),
        kind varchar(30) NOT NULL,
        due_at timestamptz NOT NULL,
        -- Set once, in the transaction that writes the effect (event, mails): the effect happened.
        done_at timestamptz,
        -- 'fired', or 'skipped' when it no longer made sense (a reminder after its term ended).
        outcome varchar(10),
        canceled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, kind)
      )`);
    // The sweep reads only what is pending, oldest first; done and canceled rows leave the index.
    await q.query(`
      CREATE INDEX case_milestones_pending ON case_milestones (due_at)
      WHERE done_at IS NULL AND canceled_at IS NULL`);
    await q.query(`
      CREATE TABLE watch_digests (
        digest varchar(40) PRIMARY KEY,
        covered_until timestamptz NOT NULL
      )`);
    // The PDH digest lists the cases that became overdue since the last one.
    await q.query(`CREATE INDEX case_events_overdue_at ON case_events (at) WHERE type = 'overdue'`);
    await q.query(`CREATE INDEX outbox_dispatched ON outbox (dispatched_at) WHERE dispatched_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_dispatched`);
    await q.query(`DROP INDEX case_events_overdue_at`);
    await q.query(`DROP TABLE watch_digests`);
    await q.query(`DROP TABLE case_milestones`);
  }
}
