import { Body, Controller, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { LoginDto, LoginResult } from './login.dto';
import { LoginRateLimited, LoginService } from './login.service';
import { LoginResultSchema } from '../auth.schema';

@ApiTags('staff')
@Controller('auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Iniciar sesión como personal; devuelve el token para `Authorization: Bearer`' })
  @ApiOkResponse({ type: LoginResultSchema })
  @ApiUnauthorizedResponse({ description: 'UNAUTHORIZED: correo o contraseña incorrectos' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: demasiados intentos fallidos; ver Retry-After' })
  async login(@Body() body: LoginDto, @Ip() address: string, @Res({ passthrough: true }) res: Response): Promise<LoginResult> {
    try {
      return await this.logins.login(body.email, body.password, address ?? '');
    } catch (error) {
      // The exception filter writes the body; the header it cannot know is set here.
      if (error instanceof LoginRateLimited) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
