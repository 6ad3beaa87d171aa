import { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests, their cases (one per subject), the append-only case events and idempotency keys. */
export class Intake1763700000004 implements MigrationInterface {
  name = 'Intake1763700000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        folio varchar(24) NOT NULL UNIQUE,
        access_code_hash text NOT NULL,
        description text NOT NULL,
        delivery_format varchar(30) NOT NULL,
        language varchar(5) NOT NULL DEFAULT 'es',
        requester_name text NOT NULL,
        requester_email text,
        requester_phone text,
        requester_address text,
        channel varchar(20) NOT NULL,
        filed_at timestamptz NOT NULL,
        registered_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id),
        folio varchar(24) NOT NULL,
        subject_code varchar(40) NOT NULL REFERENCES subjects(code),
        status varchar(30) NOT NULL,
        channel varchar(20) NOT NULL,
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        due_date date NOT NULL,
        extended_due_date date,
        term_due_date date GENERATED ALWAYS AS (coalesce(extended_due_date, due_date)) STORED,
        ficta_due_date date NOT NULL,
        extension_reason text,
        extended_at timestamptz,
        resolved_at timestamptz,
        resolution_type varchar(40),
        resolution_text text,
        classification_ref text,
        resolution_on_time boolean,
        business_days_taken integer,
        transferred_to_case_id uuid REFERENCES cases(id),
        transferred_from_case_id uuid REFERENCES cases(id),
        closed_at timestamptz,
        appeal_status varchar(20),
        appeal_filed_at timestamptz,
        appeal_due_date date,
        appeal_grounds varchar(40),
        appeal_text text,
        appeal_outcome varchar(20),
        appeal_decision_text text,
        appeal_decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        -- clock_timestamp: the cases of one filing keep the order their subjects were given in.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cases_folio ON cases (folio)`);
    await q.query(`CREATE INDEX cases_subject_term ON cases (subject_code, term_due_date)`);
    await q.query(`CREATE INDEX cases_received_on ON cases (received_on)`);
    await q.query(`
      CREATE INDEX cases_open_term ON cases (term_due_date)
      WHERE status IN ('received', 'clarification_requested', 'extended')`);

    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        type varchar(40) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind varchar(20) NOT NULL CHECK (actor_kind IN ('requester', 'staff', 'system')),
        actor_id text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_events_case ON case_events (case_id, id)`);
    // Events are the case's history: they are appended, never changed.
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events es de solo inserción';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        scope varchar(100) NOT NULL,
        key varchar(200) NOT NULL,
        request_hash char(64) NOT NULL,
        status integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TRIGGER case_events_append_only ON case_events`);
    await q.query(`DROP FUNCTION case_events_append_only()`);
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE requests`);
  }
}
