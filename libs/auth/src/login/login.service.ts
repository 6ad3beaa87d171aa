import { Injectable } from '@nestjs/common';
import { AppError } from '@ventanilla/http';
import { StaffSessions } from '../staff/staff-sessions';
import { verifyAgainstDummy, verifyPassword } from '../users/password';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { LoginAttempts } from './login-attempts';
import { LoginResult } from './login.dto';

/** The same answer for an unknown email, a wrong password and a deactivated account. */
const WRONG_CREDENTIALS = { es: 'Correo o contraseña incorrectos.', en: 'Wrong email or password.' };

/** A 429 that carries how long to wait, for the Retry-After header. */
export class LoginRateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super('RATE_LIMITED', {
      es: `Demasiados intentos fallidos de inicio de sesión. Intente de nuevo en ${minutes} minuto(s).`,
      en: `Too many failed login attempts. Try again in ${minutes} minute(s).`,
    });
  }
}

@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: StaffSessions,
    private readonly attempts: LoginAttempts,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResult> {
    const user = await this.verify(email, password, address);
    return {
      accessToken: await this.sessions.issue(user),
      user: { email: user.email, role: user.role, subjectCode: user.subjectCode, passwordChangeRequired: user.passwordChangeRequired },
    };
  }

  /**
   * The active account with these credentials, under the failed-login limits (429 past them);
   * the API's login and the staff pages' sign-in both come through here.
   */
  async verify(email: string, password: string, address: string): Promise<User> {
    const verdict = await this.attempts.reserve(email, address);
    if (!verdict.allowed) throw new LoginRateLimited(verdict.retryAfterSeconds);
    const user = await this.users.findByEmail(email.trim());
    const valid = user?.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !valid) throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
    await this.attempts.succeeded(email, address);
    await this.users.touchLogin(user.id);
    return user;
  }
}
