import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { contractError, FieldError } from '@ventanilla/http';
import { Subject, SECTORS, SubjectsService } from '@ventanilla/subjects';
import { CsrfGuard, PageFieldError, PageRenderer, queryText, Translate } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { CreateSubjectDto, UpdateSubjectDto } from '../subjects/subject-admin.dto';
import { ImportReport, importPlan, SubjectsAdmin } from '../subjects/subjects-admin.service';
import { checkWithDto, PAGE_SIZE, pageErrors, pageOf, pager, sentence } from './admin-form';
import { CSV_MAX_BYTES, CsvUploadRequest } from './csv-upload.middleware';
import { IMPORT_PREVIEW_TTL_SECONDS, ImportPreviews } from './import-previews';

const BASE = '/personal/admin/sujetos';
/**
 * The forms live beside the catalog, not inside it: `/personal/admin/sujetos/{code}` takes any
 * code the catalog allows (letters, digits, hyphens; the router ignores case), so a fixed
 * `/sujetos/nuevo` would hide a body coded `NUEVO`. No parameter is ever taken at `/personal/admin/{x}`.
 */
export const NEW_SUBJECT_PATH = '/personal/admin/nuevo-sujeto';
export const IMPORT_PATH = '/personal/admin/importar-sujetos';
const template = (name: string) => join(__dirname, name);

/** The subject form's inputs by the DTO's field names, in page order. */
const SUBJECT_FIELDS: Record<string, string> = {
  code: 'codigo',
  name: 'nombre',
  shortName: 'corto',
  sector: 'sector',
  departmentCode: 'departamentoCodigo',
  department: 'departamento',
  municipalityCode: 'municipioCodigo',
  uipEmail: 'buzon',
  competences: 'competencias',
  active: 'activo',
};
const SUBJECT_ORDER = ['codigo', 'nombre', 'corto', 'sector', 'departamentoCodigo', 'departamento', 'municipioCodigo', 'buzon', 'competencias', 'activo'];

interface SubjectForm {
  code: string;
  name: string;
  shortName: string;
  sector: string;
  departmentCode: string;
  department: string;
  municipalityCode: string;
  uipEmail: string;
  competences: string;
  active: string;
}

const DONE = ['creado', 'guardado'] as const;

/**
 * The admin's pages for the catalog: search, create, edit (the UIP mailbox among the fields) and
 * the CSV import with its dry run. Every change goes through `SubjectsAdmin`, the same methods
 * as `/api/v1/subjects`, so the rules, the per-field `admin_set` and the audit entries are the API's.
 */
@ApiExcludeController()
@Controller('personal/admin')
@StaffPage('admin')
export class SubjectsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly subjects: SubjectsService,
    private readonly admin: SubjectsAdmin,
    private readonly previews: ImportPreviews,
  ) {}

  @Get('sujetos')
  async list(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const q = queryText(query.q, 200);
    const { page, offset } = pageOf(query.pagina);
    const result = await this.subjects.list({ q, limit: PAGE_SIZE, offset });
    this.pages.render(
      req,
      res,
      template('subjects.njk'),
      { title: t('admin.sujetos.titulo'), q, subjects: result.items, pager: pager(BASE, { q }, page, result.total) },
      { private: true },
    );
  }

  @Get('nuevo-sujeto')
  newForm(@Req() req: Request, @Res() res: Response): void {
    this.showForm(req, res, null, emptyForm(), []);
  }

  @Post('nuevo-sujeto')
  @UseGuards(CsrfGuard)
  async create(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Body() body: Record<string, unknown>): Promise<void> {
    const form = readSubjectForm(body);
    const t = this.pages.translator(req);
    const { dto, invalid } = await checkWithDto(CreateSubjectDto, {
      code: form.code,
      name: form.name,
      ...(form.shortName ? { shortName: form.shortName } : {}),
      sector: form.sector,
      departmentCode: form.departmentCode || null,
      department: form.department || null,
      municipalityCode: form.municipalityCode || null,
      uipEmail: form.uipEmail || null,
      competences: form.competences || null,
    });
    if (invalid.length > 0) return this.showForm(req, res, null, form, pageErrors(invalid, SUBJECT_FIELDS, SUBJECT_ORDER, t), 400);
    try {
      await this.admin.create(actor, dto);
    } catch (error) {
      if (contractError(error)?.code === 'CONFLICT') {
        return this.showForm(req, res, null, form, [{ field: 'codigo', message: t('admin.errores.codigoUsado', { codigo: dto.code }) }], 409);
      }
      throw error;
    }
    res.redirect(303, `${BASE}/${encodeURIComponent(dto.code)}?hecho=creado`);
  }

  @Get('importar-sujetos')
  importForm(@Req() req: Request, @Res() res: Response): void {
    this.showImport(req, res, { errors: [] });
  }

  /**
   * The upload (multipart, read by `CsvUploadMiddleware`): "simular" shows what the file would
   * create and change and the errors of each line, writing nothing, and keeps that dry run
   * (`ImportPreviews`); "aplicar" sends back only the dry run's token and imports the CSV kept
   * with it, all or nothing, through the same service call as `POST /api/v1/subjects/import` —
   * refused if it would now create or change anything the dry run did not show.
   */
  @Post('importar-sujetos')
  @UseGuards(CsrfGuard)
  async import(@Req() req: CsvUploadRequest, @Res() res: Response, @CurrentUser() actor: StaffUser, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const upload = req.csvUpload;
    if (!upload) return this.showImport(req, res, { errors: [{ field: 'archivo', message: t('admin.importar.errores.formato') }] }, 415);
    if (upload.tooLarge) {
      return this.showImport(req, res, { errors: [{ field: 'archivo', message: t('admin.importar.errores.grande', { mb: CSV_MAX_BYTES / 1024 / 1024 }) }] }, 413);
    }
    if (body.accion === 'aplicar') return this.applyPreview(req, res, actor, queryText(body.simulacion, 100));
    const csv = upload.text;
    if (!csv || !csv.trim()) return this.showImport(req, res, { errors: [{ field: 'archivo', message: t('admin.importar.errores.falta') }] }, 400);
    const report = await this.importing(req, res, () => this.admin.import(actor, csv, true));
    if (!report) return;
    const preview = canApply(report) ? await this.previews.keep(actor.id, { csv, plan: importPlan(report) }) : null;
    this.showImport(req, res, { errors: [], report, preview, windows1252: upload.windows1252 });
  }

  private async applyPreview(req: Request, res: Response, actor: StaffUser, token: string): Promise<void> {
    const t = this.pages.translator(req);
    const preview = await this.previews.take(actor.id, token);
    if (!preview) {
      return this.showImport(req, res, { errors: [{ field: 'archivo', message: t('admin.importar.errores.simulacion', { min: IMPORT_PREVIEW_TTL_SECONDS / 60 }) }] }, 400);
    }
    const report = await this.importing(req, res, () => this.admin.import(actor, preview.csv, false, preview.plan));
    if (report) this.showImport(req, res, { errors: [], report });
  }

  /** Runs the import; a refusal (a bad file, rows with errors, the catalog changed since the dry run) is shown on the form, and nothing was written. */
  private async importing(req: Request, res: Response, run: () => Promise<ImportReport>): Promise<ImportReport | null> {
    try {
      return await run();
    } catch (error) {
      const refusal = contractError(error);
      if (refusal?.code === 'VALIDATION_FAILED') {
        this.showImport(req, res, { errors: [{ field: 'archivo', message: refusal.message }], lines: lineErrors(refusal.details) }, 400);
        return null;
      }
      if (refusal?.code === 'CONFLICT') {
        this.showImport(req, res, { errors: [{ field: 'archivo', message: refusal.message }] }, 409);
        return null;
      }
      throw error;
    }
  }

  @Get('sujetos/:code')
  async edit(@Req() req: Request, @Res() res: Response, @Param('code') code: string, @Query('hecho') done?: unknown): Promise<void> {
    const subject = await this.subjects.get(code);
    const result = queryText(done, 20);
    this.showForm(req, res, subject, formOf(subject), [], 200, (DONE as readonly string[]).includes(result) ? result : null);
  }

  @Post('sujetos/:code')
  @UseGuards(CsrfGuard)
  async update(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('code') code: string, @Body() body: Record<string, unknown>): Promise<void> {
    const subject = await this.subjects.get(code);
    const form = { ...readSubjectForm(body), code: subject.code };
    const t = this.pages.translator(req);
    const { dto, invalid } = await checkWithDto(UpdateSubjectDto, {
      name: form.name,
      shortName: form.shortName,
      sector: form.sector,
      uipEmail: form.uipEmail || null,
      active: form.active === 'si' ? true : form.active === 'no' ? false : form.active,
    });
    if (invalid.length > 0) return this.showForm(req, res, subject, form, pageErrors(invalid, SUBJECT_FIELDS, SUBJECT_ORDER, t), 400);
    await this.admin.update(actor, subject.code, dto);
    res.redirect(303, `${BASE}/${encodeURIComponent(subject.code)}?hecho=guardado`);
  }

  private showForm(req: Request, res: Response, subject: Subject | null, form: SubjectForm, errors: PageFieldError[], status = 200, done: string | null = null): void {
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      template('subject-form.njk'),
      { title: subject ? subject.name : t('admin.sujetos.nuevoTitulo'), subject, form, errors, sectors: sectorOptions(t), done },
      { status, private: true },
    );
  }

  private showImport(
    req: Request, res: Response,
    context: { errors: PageFieldError[]; report?: ImportReport; preview?: string | null; lines?: LineError[]; windows1252?: boolean },
    status = 200,
  ): void {
    const t = this.pages.translator(req);
    const report = context.report;
    this.pages.render(
      req,
      res,
      template('subjects-import.njk'),
      {
        title: t('admin.importar.titulo'),
        maxMb: CSV_MAX_BYTES / 1024 / 1024,
        ...context,
        // The report's errors, one row per line, for the table; the apply button only when there are none.
        lines: context.lines ?? (report ? lineErrors(report.errors.map((e) => ({ field: `línea ${e.line}${e.code ? ` (${e.code})` : ''}: ${e.field}`, message: e.message }))) : []),
        changes: report ? report.updated.map((u) => ({ code: u.code, fields: Object.entries(u.changes).map(([field, c]) => ({ field, from: shown(c?.from), to: shown(c?.to) })) })) : [],
      },
      { status, private: true },
    );
  }
}

/** A dry run worth applying: no errors, and something to create or change. */
function canApply(report: ImportReport): boolean {
  return report.dryRun && report.errors.length === 0 && (report.created.length > 0 || report.updated.length > 0);
}

interface LineError {
  where: string;
  field: string;
  message: string;
}

/** The service's details (`línea 3 (CODE): uipEmail`) as table rows: where, which column, what is wrong. */
function lineErrors(details: FieldError[]): LineError[] {
  const rows = details.map((d) => {
    const match = /^(línea \d+(?: \([^)]*\))?)(?::\s*(.*))?$/.exec(d.field);
    return { where: match ? match[1] : d.field, field: match?.[2] ?? '', message: sentence(d.message) };
  });
  // One row per line and column: the first of a field's complaints says what to fix.
  return rows.filter((r, i) => rows.findIndex((o) => o.where === r.where && o.field === r.field) === i);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'sí';
  if (value === false) return 'no';
  return String(value);
}

function emptyForm(): SubjectForm {
  return { code: '', name: '', shortName: '', sector: '', departmentCode: '', department: '', municipalityCode: '', uipEmail: '', competences: '', active: 'si' };
}

function readSubjectForm(body: Record<string, unknown>): SubjectForm {
  return {
    code: queryText(body.codigo, 100).toUpperCase(),
    name: queryText(body.nombre, 1000),
    shortName: queryText(body.corto, 300),
    sector: queryText(body.sector, 40),
    departmentCode: queryText(body.departamentoCodigo, 10),
    department: queryText(body.departamento, 300),
    municipalityCode: queryText(body.municipioCodigo, 10),
    uipEmail: queryText(body.buzon, 400),
    competences: queryText(body.competencias, 5000),
    active: queryText(body.activo, 2),
  };
}

function formOf(s: Subject): SubjectForm {
  return {
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    sector: s.sector,
    departmentCode: s.departmentCode ?? '',
    department: s.department ?? '',
    municipalityCode: s.municipalityCode ?? '',
    uipEmail: s.uipEmail ?? '',
    competences: s.competences ?? '',
    active: s.active ? 'si' : 'no',
  };
}

function sectorOptions(t: Translate) {
  return SECTORS.map((value) => ({ value, label: t(`sector.${value}`) }));
}
