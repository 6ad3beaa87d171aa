import { Module } from '@nestjs/common';
import { WebModule } from '@ventanilla/web';
import { AuthModule } from '../auth.module';
import { PasswordPageController } from './password.page.controller';
import { SignInPageController } from './sign-in.page.controller';
import { StaffHomePageController } from './staff-home.page.controller';

const CONTROLLERS = [SignInPageController, StaffHomePageController, PasswordPageController];

/** The staff's way in under `/personal`: sign-in, sign-out, the role's home, the password change. */
@Module({
  imports: [WebModule, AuthModule],
  controllers: CONTROLLERS,
})
export class StaffPagesModule {}
