import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox (what the queue must do, written in the same transaction as the change) and the record of sent mail. */
export class OutboxAndMail1763700000002 implements MigrationInterface {
  name = 'OutboxAndMail1763700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue varchar(50) NOT NULL,
        job_name varchar(50) NOT NULL,
        job_id varchar(200),
        payload jsonb NOT NULL,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL`);
    // One row per mail key: the claim that makes a retried or duplicated job send at most once.
    await q.query(`
      CREATE TABLE sent_mails (
        key varchar(200) PRIMARY KEY,
        recipient text NOT NULL,
        template varchar(60) NOT NULL,
        subject text NOT NULL,
        message_id text,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sent_mails`);
    await q.query(`DROP TABLE outbox`);
  }
}
