import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@ventanilla/http';
import type { Request } from 'express';
import { Role, StaffUser } from './roles';
import { StaffSessions } from './staff-sessions';

/** Metadata key for the roles `@Staff(...)` admits; an empty list admits every staff role. */
export const STAFF_ROLES = 'ventanilla:staff-roles';
/** Metadata key of the one endpoint open to an account that must choose a new password. */
export const OPEN_DURING_PASSWORD_CHANGE = 'ventanilla:open-during-password-change';

export type StaffRequest = Request & { staffUser?: StaffUser };

/** The one guard of every staff endpoint: 401 without a valid token for an active account, 403 for another role. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: StaffSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(STAFF_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const user = await this.sessions.authenticate(request.headers.authorization);
    const open = this.reflector.getAllAndOverride<boolean | undefined>(OPEN_DURING_PASSWORD_CHANGE, [context.getHandler(), context.getClass()]);
    if (user.passwordChangeRequired && !open) {
      throw new AppError('FORBIDDEN', {
        es: 'Debe elegir una contraseña nueva antes de continuar (POST /api/v1/auth/password).',
        en: 'Choose a new password before going on (POST /api/v1/auth/password).',
      });
    }
    if (roles.length > 0 && !roles.includes(user.role)) throw new AppError('FORBIDDEN');
    request.staffUser = user;
    return true;
  }
}
