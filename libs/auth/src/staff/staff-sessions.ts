import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '@ventanilla/http';
import { toStaffUser, User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccessTokenPayload } from './access-token';
import { StaffUser } from './roles';

const INVALID_TOKEN = {
  es: 'El token de acceso no es válido o expiró. Inicie sesión de nuevo.',
  en: 'The access token is invalid or expired. Log in again.',
};

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/** Issues access tokens and turns a request's token back into the staff member behind it. */
@Injectable()
export class StaffSessions {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  issue(user: User): Promise<string> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      email: user.email,
      role: user.role,
      subjectCode: user.subjectCode,
      gen: user.tokenGeneration,
    };
    return this.jwt.signAsync(payload);
  }

  /**
   * The account's current row, not the token's claims, decides: a deactivated account is
   * locked out at once, a reset or changed password ends every earlier token (its generation
   * moved on), and a changed role applies from the next request.
   */
  async authenticate(authorization: string | undefined): Promise<StaffUser> {
    const token = bearerToken(authorization);
    if (!token) throw new AppError('UNAUTHORIZED');
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new AppError('UNAUTHORIZED', INVALID_TOKEN);
    }
    const user = typeof payload.sub === 'string' ? await this.users.findActive(payload.sub) : null;
    // Tokens issued before this column existed carry no generation: they count as generation 0.
    if (!user || (payload.gen ?? 0) !== user.tokenGeneration) throw new AppError('UNAUTHORIZED', INVALID_TOKEN);
    return toStaffUser(user);
  }
}
