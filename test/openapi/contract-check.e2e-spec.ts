import { ContractCheck } from '../support/contract-check';

/** The checker every e2e suite runs, on a document small enough to read. */
describe('ContractCheck: answers against the OpenAPI document', () => {
  const check = () => {
    const c = new ContractCheck();
    c.load({
      paths: {
        '/api/v1/things/{id}': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '404': { content: { 'application/json': { schema: { type: 'object', required: ['error'] } } } },
              '409': { description: 'sin esquema' },
            },
          },
        },
        '/api/v1/things/mine': { get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } } },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            required: ['id', 'note'],
            properties: { id: { type: 'string', format: 'uuid' }, note: { type: 'string', nullable: true } },
          },
        },
      },
    });
    return c;
  };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('accepts answers that match, nullable fields and fixed segments included', () => {
    const c = check();
    c.check('GET', '/api/v1/things/0b7c6a2e-6f1e-4b8e-9a52-0d6f1f1d9c11?x=1', 200, 'application/json; charset=utf-8', json({ id: '0b7c6a2e-6f1e-4b8e-9a52-0d6f1f1d9c11', note: null }));
    c.check('GET', '/api/v1/things/mine', 200, 'text/csv', Buffer.from('a,b'));
    c.check('GET', '/api/v1/nothing', 404, 'application/json', json({ error: 'NOT_FOUND' }));
    c.check('GET', '/api/docs', 200, 'text/html', Buffer.from('<html>'));
    expect(c.violations).toEqual([]);
    expect(() => c.assertClean()).not.toThrow();
  });

  it('names the operation and status of every miss', () => {
    const c = check();
    c.check('GET', '/api/v1/things/abc', 200, 'application/json', json({ id: 'not-a-uuid' }));
    c.check('GET', '/api/v1/things/abc', 500, 'application/json', json({ error: 'INTERNAL_ERROR' }));
    c.check('GET', '/api/v1/things/abc', 409, 'application/json', json({ error: 'CONFLICT' }));
    c.check('POST', '/api/v1/things/abc', 201, 'application/json', json({}));
    expect(c.violations).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/things\/\{id\} → 200: la respuesta no cumple el esquema.*must have required property 'note'.*\/id must match format "uuid"/),
      'GET /api/v1/things/{id} → 500: /api/docs-json no documenta esta respuesta (añada @Api…Response con su esquema)',
      'GET /api/v1/things/{id} → 409: /api/docs-json no da un esquema para el cuerpo application/json',
      'POST /api/v1/things/abc → 201: la operación no está en /api/docs-json',
    ]);
    expect(() => c.assertClean()).toThrow(/Respuestas que \/api\/docs-json no describe \(4\)/);
  });
});
