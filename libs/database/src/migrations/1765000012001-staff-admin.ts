import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff and catalog administration: a user's name, last sign-in, a password the user must
 * replace, and the generation their tokens must carry (bumped to end every live token); the audit trail of every
 * admin action; and which fields of a subject an admin set, so the catalog seed leaves them be.
 */
export class StaffAdmin1765000012001 implements MigrationInterface {
  name = 'StaffAdmin1765000012001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN name text,
        ADD COLUMN last_login_at timestamptz,
        ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
        ADD COLUMN token_generation integer NOT NULL DEFAULT 0`);
    // The officers of a subject, for every notice: by subject, role and active.
    await q.query(`CREATE INDEX users_subject_role_active ON users (subject_code, role) WHERE active`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        actor_email text NOT NULL,
        action varchar(60) NOT NULL,
        target_kind varchar(30) NOT NULL,
        target_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_at ON audit_events (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_target ON audit_events (target_kind, target_id, at DESC)`);
    await q.query(`ALTER TABLE subjects ADD COLUMN admin_set text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subjects DROP COLUMN admin_set`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP INDEX users_subject_role_active`);
    await q.query(`
      ALTER TABLE users DROP COLUMN name, DROP COLUMN last_login_at, DROP COLUMN password_change_required,
        DROP COLUMN token_generation`);
  }
}
