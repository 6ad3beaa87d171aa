import { cloneDatabase, databaseUrl, dropDatabase, freePort, startTestEnvironment, TestEnvironment, uniqueName } from '@ventanilla/testing';
import { connect, createServer, Server, Socket } from 'node:net';
import { localDateOf } from '@ventanilla/calendar';

/** The replica "comes back": `port` starts forwarding to the PostgreSQL server. */
function forward(port: number, to: URL): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(to.port || 5432), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

describe('an api whose read replica (DATABASE_READ_URL) is down (e2e)', () => {
  const replica = uniqueName(`ventanilla_t_${process.env.VENTANILLA_TEST_RUN}_replica_down`);
  let replicaUrl: URL;
  let env: TestEnvironment;
  let back: { close(): Promise<void> } | undefined;

  beforeAll(async () => {
    await cloneDatabase(process.env.VENTANILLA_TEST_TEMPLATE!, replica);
    replicaUrl = new URL(databaseUrl(replica));
    replicaUrl.hostname = '127.0.0.1';
    replicaUrl.port = String(await freePort());
    // Before: TypeORM's replication connected to the replica at start, retried ~30 s and the api exited.
    env = await startTestEnvironment({ env: { DATABASE_READ_URL: replicaUrl.toString() } });
  }, 120_000);
  afterAll(async () => {
    await back?.close();
    await env?.stop();
    await dropDatabase(replica);
  });

  it('starts and serves writes and the primary’s reads; the replica’s reads answer 503 with Retry-After; /health says so; all reads work again once it is back', async () => {
    const today = localDateOf(new Date());
    const year = today.slice(0, 4);
    const filed = await env.http
      .post('/api/v1/requests')
      .send({ subjects: ['MINFIN'], description: 'Planilla del ministerio de 2026', requester: { name: 'Ana López', email: 'ana@example.org' }, deliveryFormat: 'electronic' })
      .expect(201);
    await env.http.get(`/api/v1/requests/${filed.body.folio}`).set('X-Access-Code', filed.body.accessCode).expect(200);
    await env.http.get('/api/v1/subjects/MINFIN').expect(200);

    const replicaReads = [
      `/api/v1/stats/subjects?from=${year}-01-01&to=${today}`,
      '/api/v1/stats/overdue?subject=MINFIN',
      `/api/v1/reports/annual?subject=MINFIN&year=${year}`,
      `/api/v1/open-data/cases?format=json&from=${year}-01-01&to=${today}`,
    ];
    for (const path of replicaReads) {
      const res = await env.http.get(path);
      expect([path, res.status]).toEqual([path, 503]);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    }
    // A load balancer keeps the api: 200 (database and Redis answer), the replica's state beside them.
    const down = await env.http.get('/health').expect(200);
    expect(down.body).toEqual({ status: 'degraded', checks: { database: 'up', redis: 'up', replica: 'down' } });

    back = await forward(Number(replicaUrl.port), new URL(databaseUrl(replica)));
    for (const path of replicaReads) await env.http.get(path).expect(200);
    expect((await env.http.get('/health').expect(200)).body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up', replica: 'up' } });
  }, 60_000);
});
