import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the scenario returns (its own types come from the generated file). */
interface ScenarioResult {
  folio: string;
  filedCase: Record<string, unknown>;
  publicCases: unknown[];
  requesterName: string;
  resolved: Record<string, unknown>;
  statsReceived: number;
  overdueTotal: number;
}
const ROOT = join(__dirname, '..', '..');
const CLIENT = join(__dirname, 'client');

type Doc = { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

describe('the OpenAPI document is true and complete: a client generated from it drives a full scenario (e2e)', () => {
  let env: TestEnvironment;
  let doc: Doc;
  let baseUrl: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    doc = (await env.http.get('/api/docs-json').expect(200)).body;
    const server = env.api.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => env?.stop());

  it('lists optional headers as optional, once', () => {
    const headers = (path: string, method: string) => (doc.paths[path][method].parameters ?? []).filter((p) => p.in === 'header');
    expect(headers('/api/v1/requests', 'post')).toEqual([expect.objectContaining({ name: 'Idempotency-Key', required: false })]);
    expect(headers('/api/v1/cases', 'post')).toEqual([expect.objectContaining({ name: 'Idempotency-Key', required: false })]);
    expect(headers('/api/v1/requests/{folio}', 'get')).toEqual([expect.objectContaining({ name: 'X-Access-Code', required: false })]);
    expect(headers('/api/v1/requests/{folio}/cases/{caseId}/appeal', 'post')).toEqual([expect.objectContaining({ name: 'X-Access-Code', required: true })]);
  });

  it('gives every operation a success answer and error answers, each with a schema', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((s) => s.startsWith('2'))) missing.push(`${method.toUpperCase()} ${path}: sin respuesta 2xx`);
        if (!statuses.some((s) => s.startsWith('4'))) missing.push(`${method.toUpperCase()} ${path}: sin respuestas de error`);
        for (const [status, response] of Object.entries(operation.responses)) {
          // Answers without a body.
          if (status === '204' || status === '304') continue;
          const content = Object.entries(response.content ?? {});
          if (content.length === 0 || content.some(([, c]) => !c.schema)) missing.push(`${method.toUpperCase()} ${path} → ${status}: sin esquema`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/api/v1/cases/{id}'].get.responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/StaffCase' });
  });

  it('files, looks up, resolves and counts through the generated client, and the client compiles against the document', async () => {
    // Generate the client's types from the document the running api serves, then compile the scenario against them.
    mkdirSync(join(CLIENT, 'generated'), { recursive: true });
    const docFile = join(CLIENT, 'generated', 'openapi.json');
    writeFileSync(docFile, JSON.stringify(doc));
    const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
    await run(bin('openapi-typescript'), [docFile, '--default-non-nullable=false', '--output', join(CLIENT, 'generated', 'api.d.ts')], { cwd: ROOT });
    await run(bin('tsc'), ['-p', join(CLIENT, 'tsconfig.json')], { cwd: ROOT }).catch((error: { stdout?: string }) => {
      throw new Error(`El escenario no compila contra los tipos generados de /api/docs-json:\n${error.stdout ?? error}`);
    });

    const { default: createClient } = await import('openapi-fetch');
    // Loaded by a computed path: the repository's typecheck must not need the generated file.
    const scenarioPath = './client/scenario';
    const { runScenario } = (await import(scenarioPath)) as { runScenario: (client: unknown, accounts: Record<string, string>) => Promise<ScenarioResult> };
    const client = createClient({ baseUrl });
    const requesterEmail = uniqueEmail('cliente');
    const result = await runScenario(client, {
      adminEmail: env.config.ADMIN_EMAIL,
      adminPassword: env.config.ADMIN_PASSWORD,
      officerEmail: uniqueEmail('oficial'),
      officerPassword: 'contraseña-del-oficial-1',
      requesterEmail,
    });
    expect(result.filedCase).toMatchObject({ folio: result.folio, status: 'received', subject: { code: 'MINFIN' } });
    expect(result.publicCases).toHaveLength(1);
    expect(result.requesterName).toBe('Ana López');
    expect(result.resolved).toMatchObject({ status: 'resolved', resolution: { type: 'delivered', onTime: true } });
    expect(result.statsReceived).toBe(1);
    expect(result.overdueTotal).toBe(0);
    // Every answer above went through the same check as every other suite's (ContractCheck).
    expect(env.contract.violations).toEqual([]);
  }, 180_000);
});
