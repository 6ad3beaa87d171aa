import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents of a case (api.md, Documents): the metadata lives here, the bytes in the storage
 * driver under `storage_key`. A row is written only once its object is stored whole, so a row
 * always has its bytes; an object without a row is an orphan the housekeeping removes.
 * `delivered_at` is set when the resolution delivers the document to the requester.
 */
export class Documents1765000016001 implements MigrationInterface {
  name = 'Documents1765000016001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        storage_key text NOT NULL UNIQUE,
        name varchar(255) NOT NULL,
        media_type varchar(255) NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        public boolean NOT NULL DEFAULT true,
        uploaded_at timestamptz NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX documents_case ON documents (case_id, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
  }
}
