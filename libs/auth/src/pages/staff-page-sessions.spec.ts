import { Logger } from '@nestjs/common';
import { Clock, EnvDto } from '@ventanilla/config';
import { RedisClient } from '@ventanilla/queue';
import type { CookieOptions, Request, Response } from 'express';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SessionRead, STAFF_SESSION_COOKIE, StaffPageSession, StaffPageSessions } from './staff-page-sessions';

function valid(read: SessionRead): StaffPageSession {
  if (read.state !== 'valid') throw new Error(`expected a valid session, got ${read.state}`);
  return read.session;
}

const T0 = new Date('2026-12-01T15:00:00Z').getTime();
const MINUTE = 60_000;

function setup(overrides: Partial<EnvDto> = {}) {
  const config = Object.assign(new EnvDto(), { STAFF_SESSION_IDLE_MINUTES: 30, JWT_EXPIRES_IN: '8h', ...overrides });
  const clock = { now: jest.fn(() => new Date(T0)) } as unknown as Clock & { now: jest.Mock };
  const user = { id: '0b6c5c9e-2f7b-4d3e-9a55-0d6f1c1e2a10', tokenGeneration: 3, active: true } as User;
  const users = { findActive: jest.fn(async () => user) } as unknown as UsersService;
  const ended = new Set<string>();
  const redis = {
    client: {
      exists: jest.fn(async (key: string) => (ended.has(key) ? 1 : 0)),
      set: jest.fn(async (key: string) => ended.add(key)),
    },
  } as unknown as RedisClient;
  const sessions = new StaffPageSessions(config, clock, users, redis);
  const jar: Record<string, { value: string; options: CookieOptions }> = {};
  const res = {
    cookie: (name: string, value: string, options: CookieOptions) => (jar[name] = { value, options }),
    clearCookie: (name: string, options: CookieOptions) => (jar[name] = { value: '', options }),
  } as unknown as Response;
  const req = () => ({ cookies: { [STAFF_SESSION_COOKIE]: jar[STAFF_SESSION_COOKIE]?.value } }) as unknown as Request;
  return { sessions, clock, user, users, res, req, jar, redis };
}

describe('StaffPageSessions', () => {
  it('seals a cookie that is HttpOnly, SameSite=Lax, scoped to /personal and not Secure over plain HTTP in development', () => {
    const { sessions, res, jar, user } = setup();
    sessions.start(res, user);
    const { value, options } = jar[STAFF_SESSION_COOKIE];
    expect(options).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/personal' });
    expect(Buffer.from(value, 'base64url').toString('utf8')).not.toContain(user.id);
  });

  it.each([
    [{ NODE_ENV: 'production' as const }, true],
    [{ PUBLIC_BASE_URL: 'https://ventanilla.gob.gt' }, true],
    [{ NODE_ENV: 'test' as const, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }, false],
  ])('Secure with %p: %s', (overrides, secure) => {
    const { sessions, res, jar, user } = setup(overrides);
    sessions.start(res, user);
    expect(jar[STAFF_SESSION_COOKIE].options.secure).toBe(secure);
  });

  it('reads back a valid session, and ends it after the idle minutes without a load', () => {
    const { sessions, res, req, clock, user } = setup();
    sessions.start(res, user);
    clock.now.mockReturnValue(new Date(T0 + 29 * MINUTE));
    const read = sessions.read(req());
    expect(read).toMatchObject({ state: 'valid', session: { uid: user.id, gen: 3 } });
    // The load moves the timer: 29 more minutes are fine, 31 without a load are not.
    sessions.touch(res, valid(read));
    clock.now.mockReturnValue(new Date(T0 + 58 * MINUTE));
    expect(sessions.read(req()).state).toBe('valid');
    clock.now.mockReturnValue(new Date(T0 + 60 * MINUTE));
    expect(sessions.read(req()).state).toBe('expired');
  });

  it('never outlives JWT_EXPIRES_IN from its sign-in, however busy', () => {
    const { sessions, res, req, clock, user } = setup({ JWT_EXPIRES_IN: '1h' });
    sessions.start(res, user);
    for (const minutes of [20, 40, 59]) {
      clock.now.mockReturnValue(new Date(T0 + minutes * MINUTE));
      const read = sessions.read(req());
      expect(read.state).toBe('valid');
      sessions.touch(res, valid(read));
    }
    clock.now.mockReturnValue(new Date(T0 + 61 * MINUTE));
    expect(sessions.read(req()).state).toBe('expired');
  });

  it('takes a tampered or foreign cookie for no session', () => {
    const { sessions, res, jar, user } = setup();
    sessions.start(res, user);
    const value = jar[STAFF_SESSION_COOKIE].value;
    const flipped = `${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`;
    expect(sessions.read({ cookies: { [STAFF_SESSION_COOKIE]: flipped } } as unknown as Request).state).toBe('none');
    expect(sessions.read({ cookies: { [STAFF_SESSION_COOKIE]: 'abc' } } as unknown as Request).state).toBe('none');
    expect(sessions.read({ cookies: {} } as unknown as Request).state).toBe('none');
    // Sealed under another secret (a rotated JWT_SECRET).
    const other = setup({ JWT_SECRET: 'otro-secreto-de-al-menos-16' });
    expect(other.sessions.read({ cookies: { [STAFF_SESSION_COOKIE]: value } } as unknown as Request).state).toBe('none');
  });

  it('has no user for a session of an older token generation, a deactivated account, or one signed out', async () => {
    const { sessions, res, req, user, users } = setup();
    sessions.start(res, user);
    const session = valid(sessions.read(req()));
    expect(await sessions.currentUser(session)).toBe(user);
    user.tokenGeneration = 4;
    expect(await sessions.currentUser(session)).toBeNull();
    user.tokenGeneration = 3;
    (users.findActive as jest.Mock).mockResolvedValueOnce(null);
    expect(await sessions.currentUser(session)).toBeNull();
    await sessions.end(req(), res);
    expect(await sessions.currentUser(session)).toBeNull();
  });

  it('fails closed when Redis cannot say whether a session was signed out: 503, not the page', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { sessions, res, req, user, redis } = setup();
    sessions.start(res, user);
    const session = valid(sessions.read(req()));
    (redis.client.exists as jest.Mock).mockRejectedValueOnce(new Error('ECONNREFUSED'));
    await expect(sessions.currentUser(session)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await sessions.currentUser(session)).toBe(user);
  });

  it('a sign-out Redis cannot record ends every session of the account instead', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { sessions, res, req, user, users, redis } = setup();
    (users as unknown as { endAllSessions: jest.Mock }).endAllSessions = jest.fn(async () => undefined);
    sessions.start(res, user);
    (redis.client.set as jest.Mock).mockRejectedValueOnce(new Error('ECONNREFUSED'));
    await sessions.end(req(), res);
    expect(users.endAllSessions).toHaveBeenCalledWith(user.id);
  });
});
