import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, EnvDto, seal, Sealed, unseal } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { RedisClient } from '@ventanilla/queue';
import { cookieOf } from '@ventanilla/web';
import type { CookieOptions, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { tokenLifetimeSeconds } from '../staff/access-token';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

export const STAFF_SESSION_COOKIE = 'vt_personal';
/** The staff pages and their downloads live under this path; the cookie goes nowhere else. */
export const STAFF_PAGES_PATH = '/personal';
const CONTEXT = 'staff-page-session';
const ENDED_KEY = 'auth:page-session-ended:';
/** A Redis outage's 503: a few seconds, as for the database's. */
const REDIS_RETRY_AFTER_SECONDS = 5;

/** What the sealed cookie carries: which session, whose, of which token generation, and its times (ms). */
export interface StaffPageSession {
  sid: string;
  uid: string;
  gen: number;
  startedAt: number;
  seenAt: number;
}

export type SessionRead = { state: 'none' } | { state: 'expired' } | { state: 'valid'; session: StaffPageSession };

/**
 * The staff pages' sign-in, kept in one HttpOnly, SameSite=Lax cookie scoped to `/personal`,
 * sealed with AES-256-GCM (it cannot be read or forged without the server secret) and Secure
 * in production or over HTTPS. Every page load re-reads the account's row — a deactivation,
 * a password reset or change (the token generation) or a new role applies at once, as with the
 * API's tokens — and rolls the idle timer forward. Signing out records the session as ended in
 * Redis for as long as it could still have lived, so a copied cookie is worth nothing after it.
 * Without Redis the pages fail closed: nobody can tell a signed-out cookie from a live one, so
 * they answer 503 (as sign-ins do then) rather than let a copy in; and a sign-out that cannot be
 * recorded ends every session of the account instead.
 */
@Injectable()
export class StaffPageSessions {
  private readonly logger = new Logger(StaffPageSessions.name);
  private readonly idleMs: number;
  private readonly lifetimeMs: number;

  constructor(
    @Inject(EnvDto) private readonly config: EnvDto,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly redis: RedisClient,
  ) {
    this.idleMs = config.STAFF_SESSION_IDLE_MINUTES * 60_000;
    this.lifetimeMs = tokenLifetimeSeconds(config.JWT_EXPIRES_IN) * 1000;
  }

  /** After a correct sign-in (or a password change): a new session id, so nothing chosen before it carries over. */
  start(res: Response, user: Pick<User, 'id' | 'tokenGeneration'>): void {
    const now = this.clock.now().getTime();
    this.write(res, { sid: randomBytes(16).toString('base64url'), uid: user.id, gen: user.tokenGeneration, startedAt: now, seenAt: now });
  }

  /** The session the cookie names, if it is genuine and neither idle too long nor older than a token may live. */
  read(req: Request): SessionRead {
    const value = cookieOf(req, STAFF_SESSION_COOKIE);
    if (!value) return { state: 'none' };
    let session: StaffPageSession;
    try {
      session = unseal<StaffPageSession>(this.config.JWT_SECRET, CONTEXT, JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Sealed);
    } catch {
      return { state: 'none' }; // tampered, or sealed under an earlier secret
    }
    const now = this.clock.now().getTime();
    if (now - session.seenAt > this.idleMs || now - session.startedAt > this.lifetimeMs) return { state: 'expired' };
    return { state: 'valid', session };
  }

  /** The account behind a live session: active, of the same token generation, and the session not signed out. */
  async currentUser(session: StaffPageSession): Promise<User | null> {
    const [user, ended] = await Promise.all([this.users.findActive(session.uid), this.ended(session.sid)]);
    if (!user || ended || user.tokenGeneration !== session.gen) return null;
    return user;
  }

  /** Each page load moves the idle timer. */
  touch(res: Response, session: StaffPageSession): void {
    this.write(res, { ...session, seenAt: this.clock.now().getTime() });
  }

  async end(req: Request, res: Response): Promise<void> {
    const read = this.read(req);
    res.clearCookie(STAFF_SESSION_COOKIE, this.cookieOptions());
    if (read.state !== 'valid') return;
    const remainingMs = read.session.startedAt + this.lifetimeMs - this.clock.now().getTime();
    try {
      await this.redis.client.set(`${ENDED_KEY}${read.session.sid}`, '1', 'PX', Math.max(remainingMs, 1000));
    } catch (error) {
      // This one session cannot be marked ended: a copy of its cookie would work again once Redis
      // is back. Ending all the account's sessions (a database write) leaves no copy alive.
      this.logger.warn({ err: error }, 'No se pudo registrar en Redis el cierre de una sesión del personal; se cierran todas las sesiones de la cuenta');
      await this.users.endAllSessions(read.session.uid);
    }
  }

  forget(res: Response): void {
    res.clearCookie(STAFF_SESSION_COOKIE, this.cookieOptions());
  }

  private async ended(sid: string): Promise<boolean> {
    try {
      return (await this.redis.client.exists(`${ENDED_KEY}${sid}`)) === 1;
    } catch (error) {
      // Fail closed: a signed-out cookie's copy must not open the pages while Redis cannot say so.
      this.logger.warn({ err: error }, 'No se pudo comprobar en Redis si la sesión del personal fue cerrada');
      throw new AppError('SERVICE_UNAVAILABLE').withHeaders({ 'Retry-After': String(REDIS_RETRY_AFTER_SECONDS) });
    }
  }

  private write(res: Response, session: StaffPageSession): void {
    const sealed = seal(this.config.JWT_SECRET, CONTEXT, session);
    res.cookie(STAFF_SESSION_COOKIE, Buffer.from(JSON.stringify(sealed)).toString('base64url'), this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.NODE_ENV === 'production' || this.config.PUBLIC_BASE_URL.startsWith('https:'),
      path: STAFF_PAGES_PATH,
    };
  }
}
