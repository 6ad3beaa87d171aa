import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role, StaffUser } from '../staff/roles';
import { CurrentUser } from '../staff/staff.decorators';
import { StaffPage } from './staff-page.guard';

/** Each role's first page: where `/personal` (the address on printed material and mails) leads. */
export const ROLE_HOME: Record<Role, string> = {
  uip_officer: '/personal/bandeja',
  highest_authority: '/personal/apelaciones',
  pdh_monitor: '/personal/pdh',
  admin: '/personal/admin',
};

/** `/personal`: the sign-in for a stranger, the role's home for a staff member. */
@ApiExcludeController()
@Controller('personal')
@StaffPage()
export class StaffHomePageController {
  @Get()
  home(@CurrentUser() user: StaffUser, @Res() res: Response): void {
    res.redirect(303, ROLE_HOME[user.role]);
  }
}
