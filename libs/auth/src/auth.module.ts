import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvDto } from '@ventanilla/config';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { AuthController } from './login/auth.controller';
import { LoginAttempts } from './login/login-attempts';
import { LoginService } from './login/login.service';
import { jwtOptions } from './staff/access-token';
import { StaffGuard } from './staff/staff.guard';
import { StaffSessions } from './staff/staff-sessions';
import { AdminBootstrap } from './users/admin-bootstrap';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Staff accounts, login and the staff guard. A feature module whose controllers use
 * `@Staff(...)` imports this module, so the guard finds `StaffSessions` there.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    SubjectsCoreModule,
    JwtModule.registerAsync({ inject: [EnvDto], useFactory: jwtOptions }),
  ],
  controllers: [AuthController, UsersController],
  providers: [UsersService, StaffSessions, StaffGuard, LoginAttempts, LoginService, AdminBootstrap],
  exports: [UsersService, StaffSessions, StaffGuard],
})
export class AuthModule {}
