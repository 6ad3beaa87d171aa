import { ApiPropertyOptional } from '@nestjs/swagger';
import { HasVisibleCharacter, OffsetField } from '@ventanilla/http';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Role, ROLES } from '../staff/roles';

const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'MINFIN', description: 'Solo las cuentas de este sujeto obligado' })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(/^[A-Z0-9-]{1,40}$/)
  subject?: string;

  @ApiPropertyOptional({ description: 'Parte del correo o del nombre, sin distinguir mayúsculas ni tildes' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Solo activas o solo desactivadas' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @OffsetField()
  offset = 0;
}

/** api.md, Staff administration: `PATCH /users/{id}` `{ name?, role?, subjectCode?, active? }`. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'María Ajcalón', nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @HasVisibleCharacter()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    example: 'MINFIN',
    nullable: true,
    description:
      'Obligatorio (en la cuenta que resulte) para uip_officer y highest_authority; no se admite para pdh_monitor ni admin. ' +
      'Al pasar a un rol sin sujeto obligado se quita solo.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(upperTrim)
  @Matches(/^[A-Z0-9-]{1,40}$/, { message: 'debe ser un código de sujeto obligado (p. ej. MINFIN o MUNI-0407)' })
  subjectCode?: string | null;

  @ApiPropertyOptional({ description: 'false desactiva la cuenta: sus tokens dejan de valer en el acto (401)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
