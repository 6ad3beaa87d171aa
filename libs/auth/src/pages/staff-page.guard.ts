import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasVisibleCharacter, LONG_TEXT_MAX } from '@ventanilla/http';
import { CSRF_FIELD, PageExceptionFilter, PageRedirect, StaffRoleRefused } from '@ventanilla/web';
import type { Response } from 'express';
import { Role } from '../staff/roles';
import { OPEN_DURING_PASSWORD_CHANGE, StaffRequest } from '../staff/staff.guard';
import { toStaffUser } from '../users/user.entity';
import { safeReturnPath, signInPath } from './return-path';
import { KeptText, SignInPage } from './sign-in-page';
import { StaffPageSessions } from './staff-page-sessions';

/** Metadata key for the roles `@StaffPage(...)` admits; an empty list admits every staff role. */
export const STAFF_PAGE_ROLES = 'ventanilla:staff-page-roles';
export const PASSWORD_PAGE = '/personal/contrasena';

/**
 * Marks a page controller or handler as staff-only: `@StaffPage()` admits any signed-in staff
 * member, `@StaffPage('uip_officer')` only those roles. Not signed in: 303 to the sign-in with
 * the way back; a password to change first: 303 to `/personal/contrasena`; another role: a 403
 * page. The handler finds the staff member in `req.staffUser` (or `@CurrentUser()`). The module
 * must import `AuthModule`.
 */
export function StaffPage(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(STAFF_PAGE_ROLES, roles), UseGuards(StaffPageGuard), UseFilters(PageExceptionFilter));
}

/** Lets an account whose password was reset reach this page (the password change itself). */
export function OpenPageDuringPasswordChange(): MethodDecorator {
  return SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);
}

@Injectable()
export class StaffPageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: StaffPageSessions,
    private readonly signInPage: SignInPage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(STAFF_PAGE_ROLES, targets) ?? [];
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const read = this.sessions.read(req);
    const back = req.method === 'GET' ? req.originalUrl : undefined;
    if (read.state !== 'valid') {
      const kept = read.state === 'expired' && req.method === 'POST' ? typedTexts(req.body) : [];
      if (kept.length > 0) {
        // A form posted after the idle timeout (a long resolution written slowly): nothing is done,
        // and what was typed is shown on the sign-in page to copy, instead of lost in a redirect.
        this.signInPage.render(req, res, { volver: safeReturnPath(refererPath(req)), expired: true, kept }, 401);
        throw new PageAlreadyAnswered();
      }
      throw new PageRedirect(signInPath(back, read.state === 'expired'));
    }
    const user = await this.sessions.currentUser(read.session);
    if (!user) {
      this.sessions.forget(res);
      throw new PageRedirect(signInPath(back));
    }
    this.sessions.touch(res, read.session);
    req.staffUser = toStaffUser(user);
    const open = this.reflector.getAllAndOverride<boolean | undefined>(OPEN_DURING_PASSWORD_CHANGE, targets);
    if (user.passwordChangeRequired && !open) throw new PageRedirect(PASSWORD_PAGE);
    if (roles.length > 0 && !roles.includes(user.role)) throw new StaffRoleRefused();
    return true;
  }
}

/** Thrown once the guard has answered the request itself; the pages' filter sends nothing more. */
class PageAlreadyAnswered extends Error {}

/** Fields of a form that are not the form's own machinery. */
const FORM_CONTROLS = new Set([CSRF_FIELD, 'volver', 'confirmar', 'accion']);
const MAX_KEPT = 10;

/**
 * The texts a form post carried, as typed: words (a value with a space in it), not the codes of
 * choices, ids or tokens; a few, each at most as long as the longest a form takes.
 */
function typedTexts(body: unknown): KeptText[] {
  if (!body || typeof body !== 'object') return [];
  return Object.entries(body as Record<string, unknown>)
    .filter(
      (entry): entry is [string, string] =>
        !FORM_CONTROLS.has(entry[0]) && typeof entry[1] === 'string' && /\s/.test(entry[1].trim()) && hasVisibleCharacter(entry[1]),
    )
    .slice(0, MAX_KEPT)
    .map(([name, value]) => ({ name, value: value.slice(0, LONG_TEXT_MAX) }));
}

/** The page the form was on (the sign-in goes back there), when the browser says. */
function refererPath(req: { headers: Record<string, unknown> }): string | undefined {
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return undefined;
  try {
    const url = new URL(referer);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
