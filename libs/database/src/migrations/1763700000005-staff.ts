import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts; a request registered by an officer now points at a real account. */
export class Staff1763700000005 implements MigrationInterface {
  name = 'Staff1763700000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role varchar(30) NOT NULL CHECK (role IN ('uip_officer', 'highest_authority', 'pdh_monitor', 'admin')),
        subject_code varchar(40) REFERENCES subjects(code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Officers and highest authorities act for exactly one subject; the PDH and admins for none.
        CONSTRAINT users_subject_for_role CHECK
          ((subject_code IS NOT NULL) = (role IN ('uip_officer', 'highest_authority')))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower ON users (lower(email))`);
    // Finding a UIP's staff (e.g. to notify them of a new case) goes by subject.
    await q.query(`CREATE INDEX users_subject ON users (subject_code) WHERE subject_code IS NOT NULL`);
    await q.query(`
      ALTER TABLE requests ADD CONSTRAINT requests_registered_by_fkey
      FOREIGN KEY (registered_by) REFERENCES users(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests DROP CONSTRAINT requests_registered_by_fkey`);
    await q.query(`DROP TABLE users`);
  }
}
