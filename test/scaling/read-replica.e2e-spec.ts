import { localDateOf } from '@ventanilla/calendar';
import { cloneDatabase, databaseUrl, dropDatabase, startTestEnvironment, TestEnvironment, uniqueName, withAdmin } from '@ventanilla/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { placeCase } from '../monitoring/monitoring-factory';

const TABLES = ['requests', 'cases', 'case_events'];

/** Runs `fn` on a connection to `url`. */
async function on<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * What streaming replication would do, by hand: the primary's requests, cases and events now
 * on the "replica" (a database of its own), so the test decides when the replica catches up.
 */
async function replicate(primaryUrl: string, replicaUrl: string): Promise<void> {
  await on(primaryUrl, (primary) =>
    on(replicaUrl, async (replica) => {
      for (const table of TABLES) {
        const { rows: columns } = await primary.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        );
        const list = columns.map((c) => `"${c.column_name}"`).join(', ');
        const { rows } = await primary.query(`SELECT ${list} FROM ${table}`);
        await replica.query(`TRUNCATE ${table} CASCADE`);
        await replica.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, $1)`, [JSON.stringify(rows)]);
      }
    }),
  );
}

describe('monitoring and open data on a read replica (DATABASE_READ_URL) (e2e)', () => {
  // The "replica": a database of its own, reached through a role whose every transaction is read-only, as on a standby.
  const replica = uniqueName(`ventanilla_t_${process.env.VENTANILLA_TEST_RUN}_replica`);
  const reader = `ventanilla_t_reader_${randomBytes(4).toString('hex')}`;
  const replicaUrl = (() => {
    const url = new URL(databaseUrl(replica));
    url.username = reader;
    url.password = '';
    return url.toString();
  })();
  let env: TestEnvironment;

  beforeAll(async () => {
    await cloneDatabase(process.env.VENTANILLA_TEST_TEMPLATE!, replica);
    await withAdmin(async (c) => {
      await c.query(`CREATE ROLE "${reader}" LOGIN`);
      await c.query(`ALTER ROLE "${reader}" SET default_transaction_read_only = on`);
      await c.query(`GRANT CONNECT ON DATABASE "${replica}" TO "${reader}"`);
    });
    await on(databaseUrl(replica), (c) => c.query(`GRANT USAGE ON SCHEMA public TO "${reader}"; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${reader}"`));
    // The premise: nothing written through this URL could succeed.
    await expect(on(replicaUrl, (c) => c.query(`UPDATE subjects SET name = name WHERE false`))).rejects.toThrow(/read-only/);
    env = await startTestEnvironment({ env: { DATABASE_READ_URL: replicaUrl } });
  });
  afterAll(async () => {
    await env?.stop();
    await dropDatabase(replica);
    await withAdmin((c) => c.query(`DROP ROLE IF EXISTS "${reader}"`));
  });

  it('answers statistics, the overdue list, the Art. 48 report, open data and /buscar from the replica; writes and the requester stay on the primary', async () => {
    const today = localDateOf(new Date());
    const year = today.slice(0, 4);
    // Writes go to the primary: with the replica read-only, a misrouted one would fail the filing.
    const filed = await env.http.post('/api/v1/requests').send({ subjects: ['MINFIN'], description: 'Planilla del ministerio de 2026', requester: { name: 'Ana López', email: 'ana@example.org' }, deliveryFormat: 'electronic' }).expect(201);
    const overdue = await placeCase(env, 'MINECO', { receivedOn: `${year}-01-05`, status: 'received' });
    // The requester reads their own write at once, from the primary.
    await env.http.get(`/api/v1/requests/${filed.body.folio}`).expect(200);

    const stats = () => env.http.get(`/api/v1/stats/subjects?from=${year}-01-01&to=${today}`).expect(200);
    const overdueList = () => env.http.get('/api/v1/stats/overdue?subject=MINECO').expect(200);
    const report = () => env.http.get(`/api/v1/reports/annual?subject=MINFIN&year=${year}`).expect(200);
    const openData = () => env.http.get(`/api/v1/open-data/cases?format=json&from=${year}-01-01&to=${today}`).expect(200);
    const search = async () => (await env.http.get(`/buscar?q=${encodeURIComponent('planilla ministerio')}`).expect(200)).text;

    // /health names the replica beside the primary and Redis.
    expect((await env.http.get('/health').expect(200)).body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up', replica: 'up' } });

    // The replica has not caught up: monitoring sees none of it.
    expect((await stats()).body.items).toEqual([]);
    expect((await overdueList()).body.total).toBe(0);
    expect((await report()).body.requests.total).toBe(0);
    expect(JSON.parse((await openData()).text)).toEqual([]);
    expect(await search()).not.toContain(filed.body.folio);

    // It catches up: the same endpoints now count both cases.
    await replicate(env.databaseUrl, databaseUrl(replica));
    const items = (await stats()).body.items as { subject: { code: string }; received: number; open: number; overdue: number }[];
    expect(items.map((i) => [i.subject.code, i.received, i.open, i.overdue])).toEqual([
      ['MINECO', 1, 1, 1],
      ['MINFIN', 1, 1, 0],
    ]);
    const list = (await overdueList()).body;
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(overdue.id);
    expect(list.items[0].events.map((e: { type: string }) => e.type)).toContain('received');
    expect((await report()).body.requests.total).toBe(1);
    expect((await report()).body.pending.total).toBe(1);
    const rows = JSON.parse((await openData()).text) as { id: string; status: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual([filed.body.cases[0].id, overdue.id].sort());
    expect(await search()).toContain(filed.body.folio);

    // The primary moves on (the requester withdraws); until the replica catches up again, monitoring shows the case open.
    await env.http
      .post(`/api/v1/requests/${filed.body.folio}/cases/${filed.body.cases[0].id}/withdrawal`)
      .set('X-Access-Code', filed.body.accessCode)
      .send({})
      .expect(200);
    expect((await env.http.get(`/api/v1/requests/${filed.body.folio}`).set('X-Access-Code', filed.body.accessCode).expect(200)).body.cases[0].status).toBe('withdrawn');
    expect((JSON.parse((await openData()).text) as { id: string; status: string }[]).find((r) => r.id === filed.body.cases[0].id)!.status).toBe('received');
    await replicate(env.databaseUrl, databaseUrl(replica));
    expect((JSON.parse((await openData()).text) as { id: string; status: string }[]).find((r) => r.id === filed.body.cases[0].id)!.status).toBe('withdrawn');
  });
});
