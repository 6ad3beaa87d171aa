import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PageExceptionFilter, PageRedirect, StaffRoleRefused } from '@ventanilla/web';
import type { Response } from 'express';
import { Role } from '../staff/roles';
import { OPEN_DURING_PASSWORD_CHANGE, StaffRequest } from '../staff/staff.guard';
import { toStaffUser } from '../users/user.entity';
import { signInPath } from './return-path';
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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(STAFF_PAGE_ROLES, targets) ?? [];
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const read = this.sessions.read(req);
    const back = req.method === 'GET' ? req.originalUrl : undefined;
    if (read.state !== 'valid') throw new PageRedirect(signInPath(back, read.state === 'expired'));
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
