import { Injectable } from '@nestjs/common';
import { AuditLog } from '@ventanilla/audit';
import { AppError } from '@ventanilla/http';
import { DataSource } from 'typeorm';
import { StaffUser } from '../staff/roles';
import { hashPassword, verifyPassword } from '../users/password';
import { User } from '../users/user.entity';
import { LoginAttempts } from './login-attempts';
import { LoginRateLimited } from './login.service';

/**
 * A staff member chooses a new password (`POST /auth/password`), also the one way out of an
 * admin's reset. The current password is checked under the login's rate limit, and every
 * earlier token stops working: the client signs in again with the new password.
 */
@Injectable()
export class PasswordChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: LoginAttempts,
    private readonly audit: AuditLog,
  ) {}

  async change(staff: StaffUser, currentPassword: string, newPassword: string, address: string): Promise<void> {
    const verdict = await this.attempts.reserve(staff.email, address);
    if (!verdict.allowed) throw new LoginRateLimited(verdict.retryAfterSeconds);
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: staff.id });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'currentPassword', message: 'no es la contraseña actual' }]);
    }
    await this.attempts.succeeded(staff.email, address);
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'newPassword', message: 'debe ser distinta de la actual' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET password_hash = $2, password_change_required = false, token_generation = token_generation + 1 WHERE id = $1`,
        [user.id, passwordHash],
      );
      await this.audit.record(tx, staff, { action: 'user.password_changed', targetKind: 'user', targetId: user.id, data: { email: user.email } });
    });
  }
}
