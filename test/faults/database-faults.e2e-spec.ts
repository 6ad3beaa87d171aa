import { filingBody, startTestEnvironment, TcpProxy, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { Client } from 'pg';
import { eventually, pause } from '../watch/watch-helpers';

const SUBJECTS = ['MINFIN', 'MUNI-0407'];
const CONCURRENT = 8;

interface Attempt {
  email: string;
  status: number;
  retryAfter?: string | null;
  folio?: string;
}

describe('PostgreSQL faults between the api and the database (e2e)', () => {
  const proxy = new TcpProxy(Number(new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://127.0.0.1:5432').port || 5432));
  let env: TestEnvironment;
  let direct: Client;
  let base: string;

  beforeAll(async () => {
    await proxy.start();
    // Default DB_* limits: the test shows they are sane, not tuned for it.
    env = await startTestEnvironment({
      viaDatabase: (url) => {
        const u = new URL(url);
        u.port = String(proxy.port);
        return u.toString();
      },
    });
    await env.api.listen(0, '127.0.0.1');
    base = await env.api.getUrl();
    direct = new Client({ connectionString: env.databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    proxy.resume();
    await env?.stop();
    await proxy.stop();
  });

  const file = async (email = uniqueEmail('pg')): Promise<Attempt> => {
    try {
      const res = await fetch(`${base}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(filingBody({ subjects: SUBJECTS, requester: { name: 'Ana López', email } })),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as { folio?: string };
      return { email, status: res.status, retryAfter: res.headers.get('retry-after'), folio: body.folio };
    } catch {
      return { email, status: 0 };
    }
  };

  /** Each filing is all there or not there at all: its two cases, each with its first event, and its mail in the outbox. */
  async function checkWholeness(attempts: Attempt[]): Promise<{ written: number }> {
    const rows: { email: string; cases: number; events: number; mails: number }[] = (
      await direct.query(
        `SELECT r.requester_email AS email,
                (SELECT count(*)::int FROM cases c WHERE c.request_id = r.id) AS cases,
                (SELECT count(*)::int FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.request_id = r.id AND e.type = 'received') AS events,
                (SELECT count(*)::int FROM outbox o WHERE o.queue = 'mail' AND o.payload->>'key' = 'filed-' || r.id) AS mails
         FROM requests r WHERE r.requester_email = ANY($1::text[])`,
        [attempts.map((a) => a.email)],
      )
    ).rows;
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const row of rows) expect(row).toMatchObject({ cases: SUBJECTS.length, events: SUBJECTS.length, mails: 1 });
    expect(rows.length).toBe(byEmail.size);
    for (const a of attempts.filter((x) => x.status === 201)) expect(byEmail.has(a.email)).toBe(true);
    return { written: rows.length };
  }

  it('a 10 s stall under concurrent filings: no 500, no session left idle in transaction, nothing half-written, answers again within 15 s', async () => {
    expect((await file()).status).toBe(201);
    const attempts: Attempt[] = [];
    let loading = true;
    const load = Array.from({ length: CONCURRENT }, async () => {
      while (loading) attempts.push(await file());
    });
    await eventually(async () => attempts.filter((a) => a.status === 201).length >= CONCURRENT, 30_000, 'presentaciones antes del bloqueo');
    proxy.stall();
    await pause(10_000);
    proxy.resume();
    const resumedAt = Date.now();
    let recoveredAt = 0;
    await eventually(async () => {
      const probe = await file();
      attempts.push(probe);
      if (probe.status === 201) recoveredAt = Date.now();
      return probe.status === 201;
    }, 30_000, 'una presentación aceptada tras la reanudación');
    const recoveryMs = recoveredAt - resumedAt;
    loading = false;
    await Promise.all(load);

    expect(recoveryMs).toBeLessThan(15_000);
    const statuses = new Set(attempts.map((a) => a.status));
    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    for (const a of attempts.filter((x) => x.status === 503)) expect(a.retryAfter).toMatch(/^\d+$/);
    // The stalled sessions' transactions are rolled back by the server, their locks released.
    await eventually(async () => {
      const { rows } = await direct.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      return rows[0].n === 0;
    }, 15_000, 'ninguna sesión inactiva en transacción');
    const { written } = await checkWholeness(attempts);
    console.log(
      `[figuras] bloqueo de 10 s: ${attempts.length} presentaciones (${attempts.filter((a) => a.status === 201).length} × 201, ` +
        `${attempts.filter((a) => a.status === 503).length} × 503), ${written} escritas enteras; la API respondió de nuevo ${recoveryMs} ms después de reanudar`,
    );
  }, 90_000);

  it('a cut connection: 503 SERVICE_UNAVAILABLE with Retry-After, never 500; back by itself when the network is', async () => {
    proxy.cut();
    const during = await Promise.all([file(), file(), file()]);
    for (const a of during) {
      expect(a.status).toBe(503);
      expect(a.retryAfter).toMatch(/^\d+$/);
    }
    const res = await fetch(`${base}/api/v1/subjects/MINFIN`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    // A page meets the same outage: the Spanish 503 page with Retry-After, not a 500 page.
    const page = await fetch(`${base}/sujetos/MINFIN`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await page.text()).toContain('Servicio no disponible por un momento');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);

    proxy.resume();
    await eventually(async () => (await file()).status === 201, 15_000, 'una presentación aceptada');
    await checkWholeness(during);
  }, 60_000);
});
