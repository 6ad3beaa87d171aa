import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../staff/roles';

export class LoginDto {
  // Not checked as an email: a mistyped one is simply a wrong login (401), not a form error.
  @ApiProperty({ example: 'uip@minfin.gob.gt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export interface LoginResult {
  accessToken: string;
  /** `passwordChangeRequired`: the token opens only `POST /auth/password` until a new password is chosen. */
  user: { email: string; role: Role; subjectCode: string | null; passwordChangeRequired: boolean };
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}
