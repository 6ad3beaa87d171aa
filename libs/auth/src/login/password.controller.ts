import { Body, Controller, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { StaffUser } from '../staff/roles';
import { CurrentUser, OpenDuringPasswordChange, Staff } from '../staff/staff.decorators';
import { ChangePasswordDto } from './login.dto';
import { LoginRateLimited } from './login.service';
import { PasswordChange } from './password-change.service';

@ApiTags('staff')
@Controller('auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordChange) {}

  @Post('password')
  @HttpCode(204)
  @Staff()
  @OpenDuringPasswordChange()
  @ApiOperation({
    summary: 'Cambiar la propia contraseña (cualquier personal)',
    description: 'También tras un restablecimiento por un administrador. Todos los tokens anteriores dejan de valer: inicie sesión de nuevo.',
  })
  @ApiNoContentResponse({ description: 'Contraseña cambiada' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: la contraseña actual no es correcta, o la nueva es corta o igual a la actual' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: demasiados intentos fallidos; ver Retry-After' })
  async change(
    @CurrentUser() user: StaffUser,
    @Body() body: ChangePasswordDto,
    @Ip() address: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    try {
      await this.passwords.change(user, body.currentPassword, body.newPassword, address ?? '');
    } catch (error) {
      if (error instanceof LoginRateLimited) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
