import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HasVisibleCharacter } from '@ventanilla/http';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../staff/roles';
import { SubjectCodeForRole } from './subject-code-for-role';

export class CreateUserDto {
  @ApiProperty({ example: 'uip@minfin.gob.gt' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  // argon2 takes any length; the cap keeps one request from costing more than a normal login.
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: 'María Ajcalón', maxLength: 200 })
  @IsOptional()
  @IsString()
  @HasVisibleCharacter()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'MINFIN',
    nullable: true,
    description: 'Obligatorio para uip_officer y highest_authority; no se admite para pdh_monitor ni admin',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @SubjectCodeForRole()
  subjectCode?: string | null;
}
