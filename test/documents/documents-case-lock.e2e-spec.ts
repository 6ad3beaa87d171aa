import { CaseStore } from '@ventanilla/cases';
import { DocumentStorage } from '@ventanilla/documents';
import { pdf, startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaff, fileWeb, StaffTokens } from '../workflow/workflow-helpers';

/**
 * Documents change a case's files under the case's row lock, taken through the cases' one write
 * door (CaseStore, in CaseWrites.run) — the lock a resolution takes. So an upload or a withdrawal
 * that comes while a resolution holds the case waits for it, and then sees the case resolved.
 */
describe('documents lock their case through CaseStore (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;
  let store: CaseStore;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'vt-docs-lock-'));
    env = await startTestEnvironment({ env: { DOCUMENTS_STORAGE: 'local', DOCUMENTS_DIR: join(work, 'documents'), DOCUMENTS_SPOOL_DIR: join(work, 'spool') } });
    tokens = await createStaff(env);
    store = env.api.get(CaseStore);
  });
  afterAll(async () => {
    await env?.stop();
    await rm(work, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  const bearer = () => ({ Authorization: `Bearer ${tokens.officer}` });
  const upload = (caseId: string, name: string) =>
    env.http.post(`/api/v1/cases/${caseId}/documents`).set(bearer()).attach('file', pdf(name), { filename: `${name}.pdf`, contentType: 'application/pdf' });
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const o of env.api.get(DocumentStorage).list()) keys.push(o.key);
    return keys.sort();
  };

  /**
   * Holds the case's lock through the store, as a resolution does, until `resolve()`: then marks
   * it resolved (and its documents delivered) and commits.
   */
  async function holdAndResolve(caseId: string): Promise<{ resolve: () => Promise<void> }> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = env.db.transaction(async (tx) => {
      const c = (await store.lock(tx, caseId))!;
      locked();
      await released;
      c.status = 'resolved';
      c.closedAt = new Date();
      await store.save(tx, c);
      await tx.query(`UPDATE documents SET delivered_at = now() WHERE case_id = $1`, [caseId]);
    });
    await isLocked;
    return {
      resolve: async () => {
        release();
        await holder;
      },
    };
  }

  /** Waits until PostgreSQL shows a statement of this database waiting on a lock. */
  async function someoneWaitsOnALock(): Promise<void> {
    for (let waiting = 0; waiting === 0; await new Promise((r) => setTimeout(r, 10))) {
      [{ waiting }] = await env.db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
    }
  }

  it('an upload whose file arrives during a resolution waits for it, then is refused (409) and stores nothing', async () => {
    const filed = await fileWeb(env, 'MINFIN', 'lock-upload');
    const before = await storedKeys();
    // The resolution starts once the file was checked and while it is being stored: between the
    // check before the file is read and the one under the lock before its row is written.
    const storage = env.api.get(DocumentStorage);
    const putFile = storage.putFile.bind(storage);
    let held!: Promise<{ resolve: () => Promise<void> }>;
    jest.spyOn(storage, 'putFile').mockImplementationOnce(async (...args) => {
      held = holdAndResolve(filed.caseId);
      await held;
      return putFile(...args);
    });
    let answered = false;
    const pending = upload(filed.caseId, 'tarde').then((res) => ((answered = true), res));
    await someoneWaitsOnALock();
    expect(answered).toBe(false);
    await (await held).resolve();
    const res = await pending;
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('INVALID_STATE');
    expect((await env.db.query(`SELECT count(*)::int AS n FROM documents WHERE case_id = $1`, [filed.caseId]))[0].n).toBe(0);
    expect(await storedKeys()).toEqual(before);
  });

  it('an upload, a change of the public flag and a withdrawal each lock the case through the store, not by a statement of their own', async () => {
    const filed = await fileWeb(env, 'MINFIN', 'lock-edit');
    const lock = jest.spyOn(store, 'lock');
    const id = (await upload(filed.caseId, 'acta').expect(201)).body.id as string;
    // Twice: checked before the file is read, and again before its row is written.
    expect(lock.mock.calls.filter(([, caseId]) => caseId === filed.caseId)).toHaveLength(2);
    lock.mockClear();
    await env.http.patch(`/api/v1/cases/${filed.caseId}/documents/${id}`).set(bearer()).send({ public: false }).expect(200);
    expect(lock.mock.calls.filter(([, caseId]) => caseId === filed.caseId)).toHaveLength(1);
    lock.mockClear();
    await env.http.delete(`/api/v1/cases/${filed.caseId}/documents/${id}`).set(bearer()).expect(204);
    expect(lock.mock.calls.filter(([, caseId]) => caseId === filed.caseId)).toHaveLength(1);
  });

  it('a withdrawal that comes during the resolution that delivers the document waits, then is refused (409) and keeps it', async () => {
    const filed = await fileWeb(env, 'MINFIN', 'lock-remove');
    const id = (await upload(filed.caseId, 'entregado').expect(201)).body.id as string;
    const held = await holdAndResolve(filed.caseId);
    let answered = false;
    const pending = env.http
      .delete(`/api/v1/cases/${filed.caseId}/documents/${id}`)
      .set(bearer())
      .then((res) => ((answered = true), res));
    await someoneWaitsOnALock();
    expect(answered).toBe(false);
    await held.resolve();
    const res = await pending;
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('INVALID_STATE');
    expect(await storedKeys()).toContain(id);
    expect((await env.db.query(`SELECT count(*)::int AS n FROM documents WHERE id = $1`, [id]))[0].n).toBe(1);
  });
});
