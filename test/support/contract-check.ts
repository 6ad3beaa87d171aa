import type { INestApplication } from '@nestjs/common';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

type Schema = Record<string, unknown>;
interface DocResponse {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface DocOperation {
  responses?: Record<string, DocResponse>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  methods: Record<string, DocOperation>;
}

/** Past this, an answer's body is not kept for checking (open-data exports in a bench, say). */
const MAX_CAPTURE = 10 * 1024 * 1024;
const DOC_ID = 'openapi';

/**
 * OpenAPI 3.0 `nullable` as JSON Schema (`{ anyOf: [schema, { type: 'null' }] }`), and
 * component references pointed at the document registered in Ajv.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = key === '$ref' && typeof value === 'string' ? value.replace(/^#\//, `${DOC_ID}#/`) : toJsonSchema(value);
  }
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/**
 * Checks every answer of an e2e suite against `/api/docs-json`: the operation must list the
 * status, with a schema for the content type, and a JSON body must match that schema. Each
 * miss names the operation and status, so the author knows what to document.
 */
export class ContractCheck {
  readonly violations: string[] = [];
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  private routes: Route[] = [];
  private readonly compiled = new Map<object, ValidateFunction>();

  /** The document to check against: the app's own `/api/docs-json`, read once it is up. */
  load(document: OpenApiDocument): void {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: toJsonSchema(document.components ?? {}) } as Schema);
    this.routes = Object.entries(document.paths)
      .map(([template, methods]) => {
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
        return { template, pattern: new RegExp(`^${source}/?$`), params: (template.match(/\{/g) ?? []).length, methods };
      })
      // A fixed segment wins over a parameter (`/calendar/deadline` before `/calendar/{x}`).
      .sort((a, b) => a.params - b.params);
  }

  /** Installs the recorder on the app's HTTP stack (before its routes exist). */
  record(app: INestApplication): void {
    app.use((req: Request, res: Response, next: NextFunction) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const keep = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_CAPTURE) return;
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
        size += buffer.length;
        chunks.push(buffer);
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.write = ((...args: unknown[]) => {
        keep(args[0], args[1]);
        return write(...args);
      }) as Response['write'];
      res.end = ((...args: unknown[]) => {
        keep(args[0], args[1]);
        return end(...args);
      }) as Response['end'];
      res.on('finish', () => {
        try {
          this.check(req.method, req.originalUrl, res.statusCode, String(res.getHeader('content-type') ?? ''), size > MAX_CAPTURE ? null : Buffer.concat(chunks));
        } catch (error) {
          this.violations.push(`${req.method} ${req.originalUrl}: la comprobación falló (${(error as Error).message})`);
        }
      });
      next();
    });
  }

  check(method: string, url: string, status: number, contentType: string, body: Buffer | null): void {
    const path = url.split('?')[0];
    if (method === 'OPTIONS' || method === 'HEAD') return;
    if (!path.startsWith('/api/v1/') && path !== '/health') return;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route?.methods[method.toLowerCase()];
    if (!route || !operation) {
      // Unknown routes and methods are the router's 404/405, not an operation's answer.
      if (status === 404 || status === 405) return;
      this.violations.push(`${method} ${path} → ${status}: la operación no está en /api/docs-json`);
      return;
    }
    const where = `${method} ${route.template} → ${status}`;
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    if (!response) {
      this.violations.push(`${where}: /api/docs-json no documenta esta respuesta (añada @Api…Response con su esquema)`);
      return;
    }
    if (!body || body.length === 0 || status === 204) return;
    const media = contentType.split(';')[0].trim().toLowerCase();
    const content = response.content?.[media] ?? response.content?.['*/*'];
    if (!content?.schema) {
      this.violations.push(`${where}: /api/docs-json no da un esquema para el cuerpo ${media || '(sin Content-Type)'}`);
      return;
    }
    if (!/[/+]json$/.test(media)) return;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      this.violations.push(`${where}: el cuerpo dice ser ${media} y no es JSON`);
      return;
    }
    const validate = this.validator(content.schema);
    if (!validate(value)) {
      const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      this.violations.push(`${where}: la respuesta no cumple el esquema de /api/docs-json: ${errors}`);
    }
  }

  /** Throws with every miss of the run, if any. */
  assertClean(): void {
    if (this.violations.length === 0) return;
    const unique = [...new Set(this.violations)];
    throw new Error(`Respuestas que /api/docs-json no describe (${unique.length}):\n- ${unique.join('\n- ')}`);
  }

  private validator(schema: Schema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
