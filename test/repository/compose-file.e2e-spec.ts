import { EnvDto, loadConfig } from '@ventanilla/config';
import { getMetadataStorage } from 'class-validator';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** docker/compose.yml cannot run here (no Docker engine), so it is kept honest by reading. */
interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
}
const file = load(readFileSync(resolve(__dirname, '../../docker/compose.yml'), 'utf8')) as Record<string, unknown>;
const services = file.services as Record<string, Service>;
const appImage = 'ventanilla:local';
const appServices = Object.entries(services).filter(([, service]) => service.image === appImage);

/** What a user would export before `up`: the secrets the file requires. */
const userEnv: Record<string, string> = {
  POSTGRES_PASSWORD: 'q8Zr4mT2vLx9',
  JWT_SECRET: 'a-real-secret-of-at-least-sixteen-chars',
  ACCESS_CODE_SECRET: 'another-secret-for-the-access-codes',
  ADMIN_PASSWORD: 'una-contraseña-real',
};

/** Compose's interpolation: ${NAME:?message} needs NAME; ${NAME:-default} falls back. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (env[name] !== undefined) return env[name];
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required by the compose file (${rest})`);
  });
}

const accepted = new Set(getMetadataStorage().getTargetValidationMetadatas(EnvDto, '', true, false).map((m) => m.propertyName));

describe('docker/compose.yml', () => {
  it('has the api, the worker and the migrate step on one image, built once', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    expect(Object.values(services).filter((service) => service.build !== undefined)).toHaveLength(1);
  });

  it.each(appServices.map(([name]) => name))('%s sets only variables the configuration (EnvDto) accepts', (name) => {
    const variables = Object.keys(services[name].environment ?? {});
    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((variable) => !accepted.has(variable))).toEqual([]);
  });

  it.each(appServices.map(([name]) => name))('%s starts in production once the required secrets are given', (name) => {
    const env = Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([key, value]) => [key, interpolate(String(value), userEnv)]));
    expect(env.NODE_ENV).toBe('production');
    expect(() => loadConfig(env)).not.toThrow();
    expect(() => Object.values(services[name].environment ?? {}).map((value) => interpolate(String(value), {}))).toThrow(/required/);
  });

  it('has no top-level name (Debian docker-compose 1.29 refuses it) and pins every image', () => {
    expect(Object.keys(file).filter((key) => !key.startsWith('x-')).sort()).toEqual(['services', 'volumes']);
    for (const service of Object.values(services)) expect(service.image).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const ports = Object.values(services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('checks PostgreSQL over TCP and gives every service a healthcheck or a completion to wait on', () => {
    const postgres = services.postgres as Service & { healthcheck?: { test: string[] } };
    expect(postgres.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready', '-h', '127.0.0.1']));
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'migrate') expect({ name, healthcheck: 'healthcheck' in service }).toEqual({ name, healthcheck: true });
    }
  });
});
