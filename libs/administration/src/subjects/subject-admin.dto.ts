import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Sector, SECTORS } from '@ventanilla/subjects';
import { HasVisibleCharacter } from '@ventanilla/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** The rules of each field, written once for creation, edition and CSV rows. */
const field = {
  name: () => applyDecorators(Transform(trim), IsString(), HasVisibleCharacter(), MaxLength(300)),
  shortName: () => applyDecorators(Transform(trim), IsString(), HasVisibleCharacter(), MaxLength(100)),
  sector: () => IsIn(SECTORS),
  active: () => IsBoolean(),
  uipEmail: () => applyDecorators(Transform(trim), ValidateIf((_, v) => v !== null), IsEmail({}, { message: 'debe ser un correo electrónico' }), MaxLength(254)),
};

/** What an admin may set on a subject (`PATCH /subjects/{code}`, api.md Staff administration). */
export class UpdateSubjectDto {
  @ApiPropertyOptional({ example: 'Ministerio de Finanzas Públicas', maxLength: 300 })
  @IsOptional()
  @field.name()
  name?: string;

  @ApiPropertyOptional({ example: 'MINFIN', maxLength: 100 })
  @IsOptional()
  @field.shortName()
  shortName?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @field.sector()
  sector?: Sector;

  @ApiPropertyOptional({ description: 'false lo retira del catálogo de quienes reciben solicitudes nuevas' })
  @IsOptional()
  @field.active()
  active?: boolean;

  @ApiPropertyOptional({ example: 'uip@minfin.gob.gt', nullable: true, description: 'Buzón de la UIP: recibe los avisos, además de sus oficiales activos' })
  @IsOptional()
  @field.uipEmail()
  uipEmail?: string | null;
}

/** A new subject (`POST /subjects`), and one row of a CSV import. */
export class CreateSubjectDto {
  @ApiProperty({ example: 'CODEDE-04', description: 'Letras mayúsculas, dígitos y guiones; los municipios son MUNI- y su código INE' })
  @Transform(upperTrim)
  @IsString()
  @Matches(/^[A-Z0-9-]{1,40}$/, { message: 'debe tener de 1 a 40 letras, dígitos o guiones (p. ej. MINFIN o MUNI-0407)' })
  code: string;

  @ApiProperty({ example: 'Consejo Departamental de Desarrollo de Chimaltenango', maxLength: 300 })
  @field.name()
  name: string;

  @ApiPropertyOptional({ example: 'CODEDE Chimaltenango', maxLength: 100, description: 'Por omisión, el código' })
  @IsOptional()
  @field.shortName()
  shortName?: string;

  @ApiProperty({ enum: SECTORS })
  @field.sector()
  sector: Sector;

  @ApiPropertyOptional({ example: '04', nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{2}$/, { message: 'debe ser el código INE de 2 dígitos' })
  departmentCode?: string | null;

  @ApiPropertyOptional({ example: 'Chimaltenango', nullable: true, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @ApiPropertyOptional({ example: '0407', nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}$/, { message: 'debe ser el código INE de 4 dígitos' })
  municipalityCode?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000, description: 'Temas de su competencia (sugerencias de destino)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  competences?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @field.active()
  active?: boolean;

  @ApiPropertyOptional({ example: 'uip@codede04.gob.gt', nullable: true })
  @IsOptional()
  @field.uipEmail()
  uipEmail?: string | null;
}

export class ImportSubjectsDto {
  @ApiProperty({
    description:
      'CSV en UTF-8 con encabezado. Columnas: code (obligatoria), name, shortName, sector, departmentCode, department, ' +
      'municipalityCode, competences, uipEmail, active (true/false). Solo se aplican las columnas presentes; una celda vacía ' +
      'deja el campo sin valor. Un sujeto nuevo necesita name y sector. Hasta 5,000 filas.',
    example: 'code,name,sector,uipEmail\nCODEDE-04,Consejo Departamental de Desarrollo de Chimaltenango,other,uip@codede04.gob.gt',
  })
  @IsString()
  @MaxLength(2_000_000)
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'true: solo informa lo que cambiaría, sin escribir nada' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
