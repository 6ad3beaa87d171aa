import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { SECTORS } from '@ventanilla/subjects';
import { CreateSubjectDto, ImportSubjectsDto, UpdateSubjectDto } from './subject-admin.dto';
import { AdminSubjectView, ImportReport, SubjectsAdmin } from './subjects-admin.service';

class AdminSubjectDoc {
  @ApiProperty({ example: 'MINFIN' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ enum: SECTORS }) sector: string;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
  @ApiProperty({ nullable: true, type: String }) department: string | null;
  @ApiProperty({ nullable: true, type: String }) municipalityCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Buzón de la UIP (solo en las respuestas de administración)' }) uipEmail: string | null;
}

class ImportRowErrorDoc {
  @ApiProperty({ description: 'Línea del CSV (el encabezado es la 1)' }) line: number;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

class ImportReportDoc {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() rows: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } } })
  created: { code: string; name: string }[];
  @ApiProperty({
    type: 'array',
    description: 'changes: campo → { from, to }',
    items: { type: 'object', properties: { code: { type: 'string' }, changes: { type: 'object', additionalProperties: true } } },
  })
  updated: { code: string; changes: Record<string, unknown> }[];
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: ImportRowErrorDoc, isArray: true, description: 'Filas con errores (solo en la simulación: sin ella, cualquier error es 400)' })
  errors: ImportRowErrorDoc[];
}

/** Catalog administration (api.md, Staff administration): admins only, each change an audit event. */
@ApiTags('staff administration')
@Controller('subjects')
@Staff('admin')
export class SubjectsAdminController {
  constructor(private readonly subjects: SubjectsAdmin) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Crear un sujeto obligado' })
  @ApiCreatedResponse({ type: AdminSubjectDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'CONFLICT: ya existe ese código' })
  create(@CurrentUser() actor: StaffUser, @Body() body: CreateSubjectDto): Promise<AdminSubjectView> {
    return this.subjects.create(actor, body);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Importar sujetos obligados desde un CSV (todo o nada), con simulación',
    description:
      'Crea los códigos nuevos y cambia los existentes con las columnas dadas. Con dryRun: true solo informa qué cambiaría. ' +
      'Sin dryRun, una sola fila con errores hace que no se importe nada (400 con cada error en details). Lo que se importa ' +
      'cuenta como fijado por un administrador: la carga del catálogo no lo sobrescribe.',
  })
  @ApiOkResponse({ type: ImportReportDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: CSV ilegible, encabezado inválido o filas con errores (details: línea, campo, mensaje)' })
  import(@CurrentUser() actor: StaffUser, @Body() body: ImportSubjectsDto): Promise<ImportReport> {
    return this.subjects.import(actor, body.csv, body.dryRun ?? false);
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Cambiar nombre, nombre corto, sector, estado o buzón de la UIP de un sujeto obligado',
    description: 'active: false lo desactiva (no recibe solicitudes nuevas). Lo que se fija aquí no lo sobrescribe la carga del catálogo.',
  })
  @ApiOkResponse({ type: AdminSubjectDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(@CurrentUser() actor: StaffUser, @Param('code') code: string, @Body() body: UpdateSubjectDto): Promise<AdminSubjectView> {
    return this.subjects.update(actor, code, body);
  }
}
