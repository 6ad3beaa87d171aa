import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@ventanilla/audit';
import { EnvDto } from '@ventanilla/config';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { WebModule } from '@ventanilla/web';
import { AuthController } from './login/auth.controller';
import { LoginAttempts } from './login/login-attempts';
import { LoginService } from './login/login.service';
import { PasswordChange } from './login/password-change.service';
import { PasswordController } from './login/password.controller';
import { StaffPageGuard } from './pages/staff-page.guard';
import { SignInPage } from './pages/sign-in-page';
import { StaffPageSessions } from './pages/staff-page-sessions';
import { jwtOptions } from './staff/access-token';
import { StaffGuard } from './staff/staff.guard';
import { StaffSessions } from './staff/staff-sessions';
import { AdminBootstrap } from './users/admin-bootstrap';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersAdmin } from './users/users-admin.service';
import { UsersService } from './users/users.service';

/**
 * Staff accounts, login and the staff guards. A feature module whose controllers use
 * `@Staff(...)` (API) or `@StaffPage(...)` (pages) imports this module, so the guard finds
 * `StaffSessions` / `StaffPageSessions` there.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    SubjectsCoreModule,
    AuditModule,
    // The sign-in page, which the staff pages' guard draws for a form posted after the idle timeout.
    WebModule,
    JwtModule.registerAsync({ inject: [EnvDto], useFactory: jwtOptions }),
  ],
  controllers: [AuthController, PasswordController, UsersController],
  providers: [UsersService, UsersAdmin, PasswordChange, StaffSessions, StaffGuard, LoginAttempts, LoginService, AdminBootstrap, StaffPageSessions, StaffPageGuard, SignInPage],
  exports: [UsersService, UsersAdmin, PasswordChange, StaffSessions, StaffGuard, LoginService, StaffPageSessions, StaffPageGuard, SignInPage, AuditModule],
})
export class AuthModule {}
