import { Case, CaseActions, CaseActionContext, CaseStore, CaseWrites, SYSTEM } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { MailService } from '@ventanilla/mail';
import { QUEUES } from '@ventanilla/queue';
import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { DataSource } from 'typeorm';

/**
 * The one write path for cases: CaseStore locks and loads, CaseWrites collects a change's
 * events, mails and jobs and writes them once, when the change is done.
 */
describe('CaseStore and the unit of work CaseWrites (e2e)', () => {
  let env: TestEnvironment;
  let writes: CaseWrites;
  let store: CaseStore;
  let db: DataSource;

  beforeAll(async () => {
    env = await startTestEnvironment();
    writes = env.api.get(CaseWrites);
    store = env.api.get(CaseStore);
    db = env.db;
  });
  afterAll(() => env?.stop());

  async function fileCases(subjects: string[]): Promise<string[]> {
    const res = await env.http
      .post('/api/v1/requests')
      .send(filingBody({ subjects, requester: { name: 'Ana López', email: uniqueEmail('store') } }))
      .expect(201);
    return (res.body.cases as { id: string }[]).map((c) => c.id);
  }

  const eventsOf = async (ids: string[]): Promise<{ caseId: string; type: string }[]> =>
    db.query(`SELECT case_id AS "caseId", type FROM case_events WHERE case_id = ANY($1::uuid[]) AND type LIKE 'test_%' ORDER BY id`, [ids]);
  const outboxRows = async (marker: string): Promise<{ queue: string; job: string }[]> =>
    db.query(`SELECT queue, job_name AS job FROM outbox WHERE payload::text LIKE $1 ORDER BY id`, [`%${marker}%`]);

  it('loads one model: the case with its subject and its request, under its row lock', async () => {
    const [id] = await fileCases(['MINFIN']);
    const c = await db.transaction((tx) => store.lock(tx, id));
    expect(c).toBeInstanceOf(Case);
    expect(c!.subject).toMatchObject({ code: 'MINFIN', worksSaturdays: false });
    expect(c!.request).toMatchObject({ requesterName: 'Ana López', language: 'es' });
    // The access code's hash never leaves the database.
    expect(c!.request!.accessCodeHash).toBeUndefined();
    expect(await db.transaction((tx) => store.lock(tx, '00000000-0000-0000-0000-000000000000'))).toBeNull();
  });

  it("writes a change's events, mails and jobs once, when it is done, and events in the order given", async () => {
    const [a, b] = await fileCases(['MINFIN', 'MINECO']);
    const mail = env.api.get(MailService);
    const marker = `marca-${Date.now()}`;
    const seenInside = await writes.run(async (w) => {
      w.event(b, 'test_second', SYSTEM, { n: 1 });
      w.event(a, 'test_first', SYSTEM);
      w.event(b, 'test_third', SYSTEM);
      w.mail(mail.message(`${marker}-mail`, 'uip@example.org', 'clarification-answered', { marker } as never));
      w.job({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.unschedule, payload: { jobIds: [], marker } });
      // Collected, not yet written: what the change reads of the history is still the old one.
      return { events: (await w.tx.query(`SELECT count(*)::int AS n FROM case_events WHERE type LIKE 'test_%' AND case_id = ANY($1::uuid[])`, [[a, b]]))[0].n };
    });
    expect(seenInside.events).toBe(0);
    expect(await eventsOf([a, b])).toEqual([
      { caseId: b, type: 'test_second' },
      { caseId: a, type: 'test_first' },
      { caseId: b, type: 'test_third' },
    ]);
    expect(await outboxRows(marker)).toEqual([
      { queue: 'mail', job: 'send-mail' },
      { queue: 'deadlines', job: 'unschedule-milestones' },
    ]);
  });

  it('writes nothing of a change that fails: no event, no mail, no job, no case change', async () => {
    const [id] = await fileCases(['MINFIN']);
    const before = (await db.query(`SELECT version, status FROM cases WHERE id = $1`, [id]))[0];
    const marker = `fallo-${Date.now()}`;
    await expect(
      writes.run(async (w) => {
        const c = (await w.lock(id))!;
        c.status = 'withdrawn';
        await w.save(c);
        w.event(id, 'test_never', SYSTEM);
        w.job({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.unschedule, payload: { jobIds: [], marker } });
        throw new Error('la regla rechaza el cambio');
      }),
    ).rejects.toThrow('la regla rechaza el cambio');
    expect(await eventsOf([id])).toEqual([]);
    expect(await outboxRows(marker)).toEqual([]);
    expect((await db.query(`SELECT version, status FROM cases WHERE id = $1`, [id]))[0]).toEqual(before);
  });

  it('locks a filtered batch from data: the sweep leaves out the cases it already saw before its limit', async () => {
    const ids = await fileCases(['MINFIN', 'MINECO', 'SAT']);
    const at = new Date(Date.now() + 400 * 86_400_000);
    // Every milestone of these cases is due a year from now; other suites' cases are too, so
    // everything not ours is left out, and of ours the first two.
    const others: string[] = (await db.query(`SELECT id FROM cases WHERE id <> ALL($1::uuid[])`, [ids])).map((r: { id: string }) => r.id);
    const sorted = [...ids].sort();
    const batch = await db.transaction((tx) =>
      store.lockMany(tx, { milestonesDue: { at, limit: 1, except: [...others, sorted[0], sorted[1]] } }, { skipLocked: true }),
    );
    expect(batch.map((c) => c.id)).toEqual([sorted[2]]);

    const page = await db.transaction((tx) => store.lockMany(tx, { ids, open: true, afterId: sorted[0], limit: 1 }));
    expect(page.map((c) => c.id)).toEqual([sorted[1]]);
    const ofSubject = await db.transaction((tx) => store.lockMany(tx, { ids, subjectCode: 'SAT' }));
    expect(ofSubject.map((c) => c.subjectCode)).toEqual(['SAT']);
    // A día inhábil long after every term touches none of them; one on their reception day neither (received before it).
    const receivedOn: string = (await db.query(`SELECT received_on::text AS d FROM cases WHERE id = $1`, [ids[0]]))[0].d;
    expect(await db.transaction((tx) => store.lockMany(tx, { ids, termsRunOver: '2099-01-04' }))).toEqual([]);
    expect(await db.transaction((tx) => store.lockMany(tx, { ids, termsRunOver: receivedOn }))).toEqual([]);
    const dayAfter = new Date(new Date(`${receivedOn}T12:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await db.transaction((tx) => store.lockMany(tx, { ids, termsRunOver: dayAfter }))).map((c) => c.id).sort()).toEqual(sorted);
  });

  it('skips a case another transaction holds when asked to, and waits for it otherwise', async () => {
    const [held, free] = await fileCases(['MINFIN', 'MINECO']);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (tx) => {
      await store.lock(tx, held);
      locked();
      await released;
    });
    await isLocked;
    const skipping = await db.transaction((tx) => store.lockMany(tx, { ids: [held, free] }, { skipLocked: true }));
    expect(skipping.map((c) => c.id)).toEqual([free]);
    let waited = false;
    const waiting = db.transaction(async (tx) => {
      const c = await store.lock(tx, held);
      waited = true;
      return c;
    });
    // The second one is waiting on the row lock (PostgreSQL says so), not done.
    for (let waiting = 0; waiting === 0; ) {
      [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
    }
    expect(waited).toBe(false);
    release();
    await holder;
    expect((await waiting)?.id).toBe(held);
  });

  it("gives the action's check and its change one context: the same transaction, the same now, the same calendar", async () => {
    const [id] = await fileCases(['MINFIN']);
    const clock = env.api.get(Clock);
    // Every call to the clock answers a later instant: a second "now" would show.
    let tick = Date.now();
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date((tick += 1000)));
    const seen: { authorize?: CaseActionContext; change?: CaseActionContext } = {};
    try {
      await env.api.get(CaseActions).run(
        id,
        { action: 'withdraw', event: 'test_withdrawn', actor: SYSTEM, authorize: (_c, ctx) => (seen.authorize = ctx) },
        (c, ctx) => {
          seen.change = ctx;
          c.closedAt = ctx.now;
        },
      );
    } finally {
      spy.mockRestore();
    }
    expect(seen.change).toBe(seen.authorize);
    const now = seen.authorize!.now;
    const [row] = await db.query(`SELECT updated_at AS "updatedAt", closed_at AS "closedAt" FROM cases WHERE id = $1`, [id]);
    const [event] = await db.query(`SELECT at FROM case_events WHERE case_id = $1 AND type = 'test_withdrawn'`, [id]);
    expect([row.updatedAt, row.closedAt, event.at].map((d: Date) => d.getTime())).toEqual([now.getTime(), now.getTime(), now.getTime()]);
  });
});
