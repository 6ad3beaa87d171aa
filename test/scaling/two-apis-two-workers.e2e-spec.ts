import { filingBody, freePort, processEnv, SpawnedApp, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import Redis from 'ioredis';
import { eventually, pause, setUipEmail } from '../watch/watch-helpers';

const FILINGS = 6;
const LATE = 4;

interface OutboxRow {
  id: string;
  queue: string;
  job_id: string | null;
  dispatched_at: Date | null;
}

/** Every 'added' and 'duplicated' event BullMQ wrote to a queue's event stream, per job id. */
async function queueEvents(redis: Redis, prefix: string, queue: string): Promise<{ added: Map<string, number>; duplicated: string[] }> {
  const entries = await redis.xrange(`${prefix}:bull:${queue}:events`, '-', '+');
  const added = new Map<string, number>();
  const duplicated: string[] = [];
  for (const [, fields] of entries) {
    const event = Object.fromEntries(fields.reduce<[string, string][]>((pairs, v, i) => (i % 2 ? pairs : [...pairs, [v, fields[i + 1]]]), []));
    if (event.event === 'added') added.set(event.jobId, (added.get(event.jobId) ?? 0) + 1);
    if (event.event === 'duplicated') duplicated.push(event.jobId);
  }
  return { added, duplicated };
}

/**
 * Two api and two worker processes (real, spawned, as `npm start` runs them) on one PostgreSQL
 * and one Redis: a deployment that grew by adding processes. Every one of the four relays the
 * outbox, both workers sweep and take jobs; nothing may happen twice.
 */
describe('two apis and two workers on one PostgreSQL and Redis (e2e)', () => {
  let env: TestEnvironment;
  const spawned: SpawnedApp[] = [];
  const apis: string[] = [];

  beforeAll(async () => {
    // The suite's world (database, prefix, SMTP); its own in-process api only reads the database:
    // its relay is set to wait an hour and nothing is written through it.
    env = await startTestEnvironment({ env: { OUTBOX_POLL_MS: '3600000' } });
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const base = processEnv(env.config as unknown as Record<string, unknown>, { OUTBOX_POLL_MS: '200', LOG_LEVEL: 'warn' });
    const start = (app: 'api' | 'worker', port: number) => {
      const child = new SpawnedApp(app, { ...base, PORT: app === 'api' ? String(port) : '0', WORKER_HEALTH_PORT: app === 'worker' ? String(port) : '0', WATCH_SWEEP_EVERY_MS: '1000' });
      spawned.push(child);
      return child.ready(`http://127.0.0.1:${port}/health`, 150_000);
    };
    await Promise.all([start('api', ports[0]), start('api', ports[1]), start('worker', ports[2]), start('worker', ports[3])]);
    apis.push(`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`);
  }, 180_000);
  afterAll(async () => {
    for (const app of spawned) app.kill();
    await Promise.all(spawned.map((app) => app.exit(20_000).catch(() => undefined)));
    await env?.stop();
  });

  const call = async (api: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${api}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('gives the same answers from both apis and sends each mail, runs each milestone effect and relays each outbox row once', async () => {
    const uips = { MINFIN: await setUipEmail(env, 'MINFIN'), MINECO: await setUipEmail(env, 'MINECO') };

    // Filings alternate between the two apis.
    const filings: { folio: string; accessCode: string; email: string; caseIds: string[] }[] = [];
    for (let i = 0; i < FILINGS; i++) {
      const email = uniqueEmail('dos-api');
      const res = await call(apis[i % 2], '/api/v1/requests', { method: 'POST', body: filingBody({ subjects: ['MINFIN', 'MINECO'], requester: { name: 'Ana López', email } }) });
      expect(res.status).toBe(201);
      filings.push({ folio: res.body.folio, accessCode: res.body.accessCode, email, caseIds: res.body.cases.map((c: { id: string }) => c.id) });
    }

    // An officer (created through one api, signed in through the other) registers cases received
    // weeks ago: their overdue and afirmativa ficta are due at once, for both workers to race on.
    const admin = await call(apis[0], '/api/v1/auth/login', { method: 'POST', body: { email: env.config.ADMIN_EMAIL, password: env.config.ADMIN_PASSWORD } });
    const officerEmail = uniqueEmail('oficial');
    const created = await call(apis[0], '/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.body.accessToken}` },
      body: { email: officerEmail, password: 'contraseña-segura-1', role: 'uip_officer', subjectCode: 'MINFIN' },
    });
    expect(created.status).toBe(201);
    const officer = await call(apis[1], '/api/v1/auth/login', { method: 'POST', body: { email: officerEmail, password: 'contraseña-segura-1' } });
    const officerToken = officer.body.accessToken;
    const late: { folio: string; email: string; caseId: string }[] = [];
    for (let i = 0; i < LATE; i++) {
      const email = uniqueEmail('tarde');
      const { subjects: _s, ...content } = filingBody({ requester: { name: 'Juan Pérez', email } });
      const res = await call(apis[i % 2], '/api/v1/cases', {
        method: 'POST',
        headers: { authorization: `Bearer ${officerToken}` },
        body: { ...content, channel: 'in_person', receivedAt: new Date(Date.now() - (45 + i) * 86_400_000).toISOString() },
      });
      expect(res.status).toBe(201);
      late.push({ folio: res.body.folio, email, caseId: res.body.cases[0].id });
    }

    // Each milestone effect once: overdue and ficta, one event each, whichever worker got there.
    const eventsOf = async (caseId: string) =>
      ((await env.db.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId])) as { type: string }[]).map((e) => e.type);
    for (const c of late) {
      await eventually(async () => (await eventsOf(c.caseId)).includes('ficta_expired'), 60_000, `los hitos del caso ${c.folio}`);
    }

    // Each mail once. Requesters: the filing's; a late case's requester also overdue and ficta.
    // MINFIN's UIP: each filing's case, and each late case's received, overdue and ficta; MINECO's: each filing's case.
    for (const f of filings) await env.smtp.waitFor(f.email, 1, 60_000);
    for (const c of late) await env.smtp.waitFor(c.email, 3, 60_000);
    await env.smtp.waitFor(uips.MINFIN, FILINGS + 3 * LATE, 60_000);
    await env.smtp.waitFor(uips.MINECO, FILINGS, 60_000);
    // Let both workers' sweeps (every second) and any stray job run a few more times.
    await pause(4000);
    for (const c of late) expect(await eventsOf(c.caseId)).toEqual(['received', 'overdue', 'ficta_expired']);
    for (const f of filings) expect(env.smtp.to(f.email)).toHaveLength(1);
    for (const c of late) expect(env.smtp.to(c.email)).toHaveLength(3);
    expect(env.smtp.to(uips.MINFIN)).toHaveLength(FILINGS + 3 * LATE);
    expect(env.smtp.to(uips.MINECO)).toHaveLength(FILINGS);
    const sent = env.smtp.messages.map((m) => `${[m.to ?? []].flat().map((a) => a.text).join(',')}|${m.subject}|${m.text}`);
    expect(sent.length).toBe(new Set(sent).size);

    // Each outbox row relayed once, by one of the four processes: one 'added' per job and not one
    // add of a job that was already there.
    const rows: OutboxRow[] = await env.db.query(`SELECT id, queue, job_id, dispatched_at FROM outbox ORDER BY id`);
    expect(rows.filter((r) => r.dispatched_at === null)).toEqual([]);
    const redis = new Redis(env.config.REDIS_URL);
    try {
      for (const queue of ['mail', 'deadlines']) {
        const { added, duplicated } = await queueEvents(redis, env.config.REDIS_PREFIX, queue);
        const ids = rows.filter((r) => r.queue === queue).map((r) => r.job_id ?? `outbox-${r.id}`);
        expect(ids.length).toBeGreaterThan(0);
        expect([queue, ids.filter((id) => added.get(id) !== 1)]).toEqual([queue, []]);
        expect([queue, duplicated]).toEqual([queue, []]);
      }
    } finally {
      redis.disconnect();
    }

    // The same answers from both apis: the public view, the requester's view, the figures.
    for (const f of [...filings, ...late.map((c) => ({ ...c, accessCode: undefined }))]) {
      const [a, b] = await Promise.all(apis.map((api) => call(api, `/api/v1/requests/${f.folio}`)));
      expect(a.status).toBe(200);
      expect(b).toEqual(a);
      if (f.accessCode) {
        const [ra, rb] = await Promise.all(apis.map((api) => call(api, `/api/v1/requests/${f.folio}`, { headers: { 'x-access-code': f.accessCode! } })));
        expect(ra.body.requester.email).toBe(f.email);
        expect(rb).toEqual(ra);
      }
    }
    const [sa, sb] = await Promise.all(apis.map((api) => call(api, '/api/v1/stats/subjects')));
    expect(sa.status).toBe(200);
    expect(sb).toEqual(sa);
  });
});
