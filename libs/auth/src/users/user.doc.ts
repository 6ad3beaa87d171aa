import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../staff/roles';

/** OpenAPI shape of `User` (api.md, Staff administration). */
export class UserDoc {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'uip@minfin.gob.gt' }) email: string;
  @ApiProperty({ nullable: true, type: String, example: 'María Ajcalón' }) name: string | null;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String, example: 'MINFIN' }) subjectCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: string | null;
  @ApiProperty({ description: 'Tras un restablecimiento: debe elegir una contraseña nueva al iniciar sesión' }) passwordChangeRequired: boolean;
}

export class UserListDoc {
  @ApiProperty({ type: UserDoc, isArray: true }) items: UserDoc[];
  @ApiProperty() total: number;
}

export class PasswordResetDoc {
  @ApiProperty({ description: 'Contraseña temporal: se muestra una sola vez; la cuenta debe cambiarla al iniciar sesión' })
  temporaryPassword: string;
}
