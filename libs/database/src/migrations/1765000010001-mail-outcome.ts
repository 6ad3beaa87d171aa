import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `sent_mails` holds each mail key's final outcome: sent, or undeliverable with the reason
 * (the server refused the recipient, or did not answer for the whole retry time). Either way
 * the key is claimed, so nothing retries it.
 */
export class MailOutcome1765000010001 implements MigrationInterface {
  name = 'MailOutcome1765000010001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sent_mails
        ADD COLUMN outcome varchar(20) NOT NULL DEFAULT 'sent' CHECK (outcome IN ('sent', 'undeliverable')),
        ADD COLUMN failure text`);
    await q.query(`CREATE INDEX sent_mails_undeliverable ON sent_mails (sent_at) WHERE outcome = 'undeliverable'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sent_mails_undeliverable`);
    await q.query(`ALTER TABLE sent_mails DROP COLUMN failure, DROP COLUMN outcome`);
  }
}
