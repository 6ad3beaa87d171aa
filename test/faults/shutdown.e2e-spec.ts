import { filingBody, freePort, processEnv, SpawnedApp, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { createServer, Server } from 'node:net';
import { eventually } from '../watch/watch-helpers';

const SUBJECTS = ['MINFIN', 'MINECO'];
const CONCURRENT = 8;
const DRAIN_MS = 10_000; // SHUTDOWN_TIMEOUT_MS's default, which the processes run with

interface Attempt {
  email: string;
  status: number;
}

/** Each filing is all there or not there at all; every 201 is there. */
async function checkWholeness(env: TestEnvironment, attempts: Attempt[]): Promise<number> {
  const rows: { email: string; cases: number; events: number; mails: number }[] = await env.db.query(
    `SELECT r.requester_email AS email,
            (SELECT count(*)::int FROM cases c WHERE c.request_id = r.id) AS cases,
            (SELECT count(*)::int FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.request_id = r.id AND e.type = 'received') AS events,
            (SELECT count(*)::int FROM outbox o WHERE o.queue = 'mail' AND o.payload->>'key' = 'filed-' || r.id) AS mails
     FROM requests r WHERE r.requester_email = ANY($1::text[])`,
    [attempts.map((a) => a.email)],
  );
  for (const row of rows) expect(row).toMatchObject({ cases: SUBJECTS.length, events: SUBJECTS.length, mails: 1 });
  const written = new Set(rows.map((r) => r.email));
  expect(written.size).toBe(rows.length);
  for (const a of attempts.filter((x) => x.status === 201)) expect(written.has(a.email)).toBe(true);
  return rows.length;
}

describe('SIGTERM and taken ports, on the real processes (e2e)', () => {
  let env: TestEnvironment;
  const spawned: SpawnedApp[] = [];

  beforeAll(async () => {
    env = await startTestEnvironment({ smtp: { delayMs: 300 } });
  });
  afterAll(async () => {
    for (const app of spawned) app.kill();
    await env?.stop();
  });

  const spawnApp = (app: 'api' | 'worker', overrides: Record<string, string>) => {
    const child = new SpawnedApp(app, processEnv(env.config as unknown as Record<string, unknown>, overrides));
    spawned.push(child);
    return child;
  };

  it('the api under load drains in-flight filings and exits within the drain time; no 201 is missing, no error half-written', async () => {
    const port = await freePort();
    const api = spawnApp('api', { PORT: String(port), WORKER_HEALTH_PORT: '0' });
    const base = `http://127.0.0.1:${port}`;
    await api.ready(`${base}/health`);

    const attempts: Attempt[] = [];
    let loading = true;
    const load = Array.from({ length: CONCURRENT }, async () => {
      while (loading) {
        const email = uniqueEmail('term');
        const status = await fetch(`${base}/api/v1/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(filingBody({ subjects: SUBJECTS, requester: { name: 'Ana López', email } })),
        }).then((r) => r.status, () => 0);
        attempts.push({ email, status });
        if (status === 0) await new Promise((r) => setTimeout(r, 50));
      }
    });
    await eventually(async () => attempts.filter((a) => a.status === 201).length >= 2 * CONCURRENT, 60_000, 'presentaciones aceptadas');
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exit(DRAIN_MS + 5000);
    const shutdownMs = at - signalledAt;
    loading = false;
    await Promise.all(load);

    // Exit code 0 and its 'detenido en' line: the process drained before its own
    // SHUTDOWN_TIMEOUT_MS deadline (past it, it exits with 1). Measured here, the time would also
    // count the process's exit as seen from the test, which a busy machine stretches.
    expect(code).toBe(0);
    expect(api.output.some((line) => line.includes('detenido en'))).toBe(true);
    expect(attempts.filter((a) => a.status !== 201 && a.status !== 0 && a.status !== 503)).toEqual([]);
    const written = await checkWholeness(env, attempts);
    console.log(
      `[figuras] SIGTERM a la API con ${CONCURRENT} presentaciones concurrentes: salió en ${shutdownMs} ms (código ${code}); ` +
        `${attempts.filter((a) => a.status === 201).length} × 201, ${attempts.filter((a) => a.status !== 201).length} rechazadas o sin conexión, ${written} escritas enteras`,
    );
  }, 150_000);

  it('the worker finishes the mail it is sending and exits within the drain time; the rest goes out once, later', async () => {
    const emails: string[] = [];
    for (let i = 0; i < 12; i++) {
      const email = uniqueEmail('term-mail');
      await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['SEGEPLAN'], requester: { name: 'Ana', email } })).expect(201);
      emails.push(email);
    }
    const worker = spawnApp('worker', { WORKER_HEALTH_PORT: String(await freePort()) });
    // Mails go out one by one (each takes the SMTP server 0.3 s); stop the worker midway.
    await eventually(async () => env.smtp.messages.length >= 3, 90_000, 'los primeros correos');
    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    const { code, at } = await worker.exit(DRAIN_MS + 5000);
    const shutdownMs = at - signalledAt;
    // Drained before its own deadline (see the api's test above).
    expect(code).toBe(0);
    expect(worker.output.some((line) => line.includes('detenido en'))).toBe(true);
    // Whatever SMTP accepted was recorded (a mail cut short would be sent again: a duplicate).
    const sentBefore = env.smtp.messages.length;
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM sent_mails WHERE outcome = 'sent'`);
    expect(n).toBe(sentBefore);

    await env.startWorker();
    for (const email of emails) await env.smtp.waitFor(email, 1, 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    for (const email of emails) expect(env.smtp.to(email)).toHaveLength(1);
    console.log(`[figuras] SIGTERM al worker enviando correo: salió en ${shutdownMs} ms (código ${code}); ${sentBefore} correos antes, 0 perdidos, 0 duplicados`);
  }, 150_000);

  describe('a taken port stops the process with one Spanish line naming the setting', () => {
    let holder: Server;
    let taken: number;
    beforeAll(async () => {
      holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, resolve));
      taken = (holder.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it.each([
      ['api', 'PORT'],
      ['worker', 'WORKER_HEALTH_PORT'],
    ] as const)('%s: %s', async (app, setting) => {
      const child = spawnApp(app, { PORT: String(app === 'api' ? taken : await freePort()), WORKER_HEALTH_PORT: String(app === 'worker' ? taken : 0), LOG_LEVEL: 'silent' });
      const { code } = await child.exit(90_000);
      expect(code).toBe(1);
      const said = child.output.filter((line) => line.includes(`El puerto ${taken} (${setting}) ya está en uso`));
      expect(said).toHaveLength(1);
      // No stack trace, nothing else.
      expect(child.output.filter((line) => /^\s+at /.test(line))).toEqual([]);
      expect(child.output).toEqual(said);
    }, 120_000);
  });
});
