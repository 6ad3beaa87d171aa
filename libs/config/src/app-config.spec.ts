import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('starts with nothing set, on development defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(config.TERM_RESPONSE_DAYS).toBe(10);
    expect(config.HALF_DAYS_ARE_BUSINESS).toBe(true);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', HALF_DAYS_ARE_BUSINESS: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.HALF_DAYS_ARE_BUSINESS).toBe(false);
  });

  it('rejects invalid values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('keeps every Redis key behind a hash tag, so Redis Cluster can hold them (issue 17)', () => {
    expect(loadConfig({}).REDIS_PREFIX).toBe('{ventanilla}');
    expect(loadConfig({ REDIS_PREFIX: '{ventanilla-staging}' }).REDIS_PREFIX).toBe('{ventanilla-staging}');
    expect(loadConfig({ REDIS_PREFIX: 'gt:{ventanilla}' }).REDIS_PREFIX).toBe('gt:{ventanilla}');
    expect(() => loadConfig({ REDIS_PREFIX: 'ventanilla' })).toThrow(/REDIS_PREFIX debe llevar una etiqueta hash/);
    expect(() => loadConfig({ REDIS_PREFIX: '{}' })).toThrow(/REDIS_PREFIX/);
  });

  it('refuses production without a JWT secret or with the default admin password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-real-password-123' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ACCESS_CODE_SECRET: 'y'.repeat(32), ADMIN_PASSWORD: 'a-real-password-123' }),
    ).not.toThrow();
  });

  it('refuses production without an access-code secret of its own', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-real-password-123' };
    expect(() => loadConfig(base)).toThrow(/ACCESS_CODE_SECRET/);
    expect(() => loadConfig({ ...base, ACCESS_CODE_SECRET: 'x'.repeat(32) })).toThrow(/igual a JWT_SECRET/);
  });
});
