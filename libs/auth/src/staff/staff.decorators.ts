import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role, StaffUser } from './roles';
import { OPEN_DURING_PASSWORD_CHANGE, STAFF_ROLES, StaffGuard, StaffRequest } from './staff.guard';

/**
 * Marks a controller or handler as staff-only: `@Staff()` admits any staff role,
 * `@Staff('uip_officer')` only those listed. The module must import `AuthModule`.
 */
export function Staff(...roles: Role[]): MethodDecorator & ClassDecorator {
  const docs = [ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'UNAUTHORIZED: falta el token, no es válido o expiró' })];
  // Any staff endpoint is 403 while the account must choose a new password; some also by role.
  const only = roles.length > 0 ? `solo ${roles.join(', ')}; o ` : '';
  docs.push(ApiForbiddenResponse({ description: `FORBIDDEN: ${only}la cuenta debe cambiar su contraseña (POST /api/v1/auth/password)` }));
  return applyDecorators(SetMetadata(STAFF_ROLES, roles), UseGuards(StaffGuard), ...docs);
}

/** The authenticated `StaffUser` of a handler guarded by `@Staff(...)`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): StaffUser => {
  const user = context.switchToHttp().getRequest<StaffRequest>().staffUser;
  // Only a handler without @Staff gets here without a user: a programming error, not the client's.
  if (!user) throw new Error('CurrentUser() requiere @Staff() en el controlador o el método');
  return user;
});

/** Lets an account whose password was reset reach this handler (only the password change). */
export function OpenDuringPasswordChange(): MethodDecorator {
  return SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);
}
