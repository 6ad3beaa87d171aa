import { Injectable, Logger } from '@nestjs/common';
import { AuditActor, AuditLog } from '@ventanilla/audit';
import { AppError, FieldError, fieldErrors } from '@ventanilla/http';
import { Subject, SubjectView, toSubjectView } from '@ventanilla/subjects';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { CreateSubjectDto, UpdateSubjectDto } from './subject-admin.dto';

/** Each field an admin may set, and its column: `admin_set` lists the columns, so the seed leaves them be. */
const COLUMNS = {
  name: 'name',
  shortName: 'short_name',
  sector: 'sector',
  departmentCode: 'department_code',
  department: 'department',
  municipalityCode: 'municipality_code',
  competences: 'competences',
  uipEmail: 'uip_email',
  active: 'active',
} as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
const MAX_IMPORT_ROWS = 5000;

/** The subject as an admin sees it: the contract's `Subject` plus its UIP mailbox. */
export interface AdminSubjectView extends SubjectView {
  uipEmail: string | null;
}

export type FieldChanges = Partial<Record<Field, { from: unknown; to: unknown }>>;

export interface ImportRowError {
  /** The CSV line (the header is line 1). */
  line: number;
  code: string | null;
  field: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: { code: string; name: string }[];
  updated: { code: string; changes: FieldChanges }[];
  unchanged: number;
  errors: ImportRowError[];
}

/**
 * What a run would create and change, as a text: the dry run's answer, which the import page keeps
 * and its "Aplicar" checks again (`import`'s `previewed`), so what is applied is what was shown.
 */
export function importPlan(report: Pick<ImportReport, 'created' | 'updated'>): string {
  return JSON.stringify({ created: report.created, updated: report.updated });
}

interface Planned {
  code: string;
  values: Partial<Record<Field, unknown>>;
}

function toAdminView(s: Subject): AdminSubjectView {
  return { ...toSubjectView(s), uipEmail: s.uipEmail };
}

function importChangedSincePreview(): AppError {
  return new AppError('CONFLICT', {
    es: 'Las instituciones cambiaron desde la simulación: no se importó nada. Simule el archivo otra vez para ver lo que cambiaría ahora.',
    en: 'The subjects changed since the dry run: nothing was imported. Run the dry run again to see what would change now.',
  });
}

function subjectNotFound(code: string): AppError {
  return AppError.notFound({ es: `No existe el sujeto obligado ${code}.`, en: `There is no obligated subject ${code}.` });
}

/**
 * The catalog as admins change it: create, edit (name, short name, sector, active, UIP mailbox)
 * and import from CSV, each in one transaction with its audit event. Every field an admin sets
 * is remembered in `admin_set`, and the catalog seed never overwrites it. The staff pages call
 * these methods directly, as the HTTP controller does.
 */
@Injectable()
export class SubjectsAdmin {
  private readonly logger = new Logger(SubjectsAdmin.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(actor: AuditActor, dto: CreateSubjectDto): Promise<AdminSubjectView> {
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.lock(tx, [dto.code]);
      if (existing.has(dto.code)) {
        throw new AppError('CONFLICT', { es: `Ya existe el sujeto obligado ${dto.code}.`, en: `Subject ${dto.code} already exists.` }, [
          { field: 'code', message: 'ya existe' },
        ]);
      }
      const values = pickFields(dto);
      await this.insert(tx, { code: dto.code, values });
      await this.audit.record(tx, actor, { action: 'subject.created', targetKind: 'subject', targetId: dto.code, data: { values } });
      return toAdminView(await tx.findOneByOrFail(Subject, { code: dto.code }));
    });
  }

  async update(actor: AuditActor, rawCode: string, dto: UpdateSubjectDto): Promise<AdminSubjectView> {
    const code = rawCode.trim().toUpperCase();
    return this.dataSource.transaction(async (tx) => {
      const current = (await this.lock(tx, [code])).get(code);
      if (!current) throw subjectNotFound(rawCode);
      const changes = diff(current, pickFields(dto));
      if (Object.keys(changes).length > 0) {
        await this.apply(tx, code, changes);
        const action = changes.active ? (changes.active.to ? 'subject.reactivated' : 'subject.deactivated') : 'subject.updated';
        await this.audit.record(tx, actor, { action, targetKind: 'subject', targetId: code, data: { changes } });
      }
      return toAdminView(await tx.findOneByOrFail(Subject, { code }));
    });
  }

  /**
   * Imports a CSV of subjects, all or nothing: with any bad row nothing is written and every bad
   * row is reported. A dry run answers the same report (what would be created and changed) and
   * writes nothing. With `previewed` (a dry run's `importPlan`), a run that would now create or
   * change anything else — the catalog changed since the dry run — is refused (409) and writes nothing.
   */
  async import(actor: AuditActor, csv: string, dryRun: boolean, previewed?: string): Promise<ImportReport> {
    const rows = parseCsv(csv);
    const report = await this.dataSource.transaction(async (tx) => {
      const codes = rows.map((r) => (typeof r.values.code === 'string' ? r.values.code.trim().toUpperCase() : ''));
      const existing = await this.lock(tx, codes.filter(Boolean));
      const errors: ImportRowError[] = [];
      const planned: { line: number; code: string; values: Partial<Record<Field, unknown>>; current?: Subject }[] = [];
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        const code = codes[i] || null;
        const current = code ? existing.get(code) : undefined;
        const problems = validateRow(row.values, current);
        if (code && seen.has(code)) problems.push({ field: 'code', message: `repetido (ya en la línea ${seen.get(code)})` });
        if (code) seen.set(code, row.line);
        if (problems.length > 0) {
          errors.push(...problems.map((p) => ({ line: row.line, code, field: p.field, message: p.message })));
          return;
        }
        const { code: _code, ...given } = row.values;
        const values = pickFields(plainToInstance(CreateSubjectDto, given));
        // Empty defaults of a new subject: its code as short name, active.
        if (!current) for (const f of ['shortName', 'active'] as Field[]) if (values[f] === null) delete values[f];
        planned.push({ line: row.line, code: code!, values, current });
      });
      const result: ImportReport = { dryRun, rows: rows.length, created: [], updated: [], unchanged: 0, errors };
      for (const p of planned) {
        if (!p.current) {
          result.created.push({ code: p.code, name: String(p.values.name) });
          continue;
        }
        const changes = diff(p.current, p.values);
        if (Object.keys(changes).length === 0) result.unchanged += 1;
        else result.updated.push({ code: p.code, changes });
      }
      if (errors.length > 0 || dryRun) return result;
      if (previewed !== undefined && importPlan(result) !== previewed) throw importChangedSincePreview();
      for (const p of planned) {
        if (!p.current) await this.insert(tx, p);
      }
      for (const u of result.updated) await this.apply(tx, u.code, u.changes);
      await this.audit.record(tx, actor, {
        action: 'subjects.imported',
        targetKind: 'subjects',
        targetId: 'csv',
        data: { rows: result.rows, created: result.created.map((c) => c.code), updated: result.updated.map((u) => u.code), unchanged: result.unchanged },
      });
      return result;
    });
    if (report.errors.length > 0 && !dryRun) {
      throw new AppError(
        'VALIDATION_FAILED',
        {
          es: `El archivo tiene ${new Set(report.errors.map((e) => e.line)).size} fila(s) con errores: no se importó nada.`,
          en: `The file has ${new Set(report.errors.map((e) => e.line)).size} row(s) with errors: nothing was imported.`,
        },
        report.errors.map((e) => ({ field: `línea ${e.line}${e.code ? ` (${e.code})` : ''}: ${e.field}`, message: e.message })),
      );
    }
    this.logger.log(
      `Importación de sujetos obligados${dryRun ? ' (simulada)' : ''}: ${report.rows} fila(s), ${report.created.length} nuevo(s), ` +
        `${report.updated.length} cambiado(s), ${report.unchanged} igual(es), ${report.errors.length} error(es)`,
    );
    return report;
  }

  private async lock(tx: EntityManager, codes: string[]): Promise<Map<string, Subject>> {
    if (codes.length === 0) return new Map();
    const rows = await tx
      .getRepository(Subject)
      .createQueryBuilder('s')
      .where('s.code = ANY(:codes)', { codes })
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((s) => [s.code, s]));
  }

  private async insert(tx: EntityManager, p: Planned): Promise<void> {
    const values = { shortName: p.code, active: true, ...p.values };
    const fields = (Object.keys(values) as Field[]).filter((f) => values[f] !== undefined);
    await tx.query(
      `INSERT INTO subjects (code, ${fields.map((f) => COLUMNS[f]).join(', ')}, admin_set)
       VALUES ($1, ${fields.map((_, i) => `$${i + 2}`).join(', ')}, $${fields.length + 2})`,
      [p.code, ...fields.map((f) => values[f]), Object.keys(p.values).map((f) => COLUMNS[f as Field])],
    );
  }

  private async apply(tx: EntityManager, code: string, changes: FieldChanges): Promise<void> {
    const fields = Object.keys(changes) as Field[];
    await tx.query(
      `UPDATE subjects SET ${fields.map((f, i) => `${COLUMNS[f]} = $${i + 2}`).join(', ')},
         admin_set = ARRAY(SELECT DISTINCT unnest(admin_set || $${fields.length + 2}::text[]) ORDER BY 1)
       WHERE code = $1`,
      [code, ...fields.map((f) => changes[f]!.to), fields.map((f) => COLUMNS[f])],
    );
  }
}

/** The admin-settable fields present in a DTO (undefined = not given; null = cleared). */
function pickFields(dto: object): Partial<Record<Field, unknown>> {
  const source = dto as Record<string, unknown>;
  return Object.fromEntries(FIELDS.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

function diff(current: Subject, values: Partial<Record<Field, unknown>>): FieldChanges {
  const changes: FieldChanges = {};
  for (const f of Object.keys(values) as Field[]) {
    const from = (current as unknown as Record<Field, unknown>)[f] ?? null;
    const to = values[f] ?? null;
    if (from !== to) changes[f] = { from, to };
  }
  return changes;
}

interface CsvRow {
  line: number;
  values: Record<string, unknown>;
}

const CSV_COLUMNS = ['code', ...FIELDS];

function parseCsv(csv: string): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, info: true, trim: false }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('VALIDATION_FAILED', { es: 'El CSV no se pudo leer: no se importó nada.', en: 'The CSV could not be read: nothing was imported.' }, [
      { field: line ? `línea ${line}` : 'csv', message: (error as Error).message },
    ]);
  }
  const header = records.length > 0 ? Object.keys(records[0].record) : (csv.split(/\r?\n/)[0] ?? '').split(',').map((h) => h.trim());
  const unknown = header.filter((h) => !CSV_COLUMNS.includes(h));
  if (!header.includes('code') || unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', { es: 'El encabezado del CSV no es válido: no se importó nada.', en: 'The CSV header is not valid: nothing was imported.' }, [
      {
        field: 'línea 1',
        message: !header.includes('code')
          ? 'falta la columna code'
          : `columnas desconocidas: ${unknown.join(', ')} (se admiten ${CSV_COLUMNS.join(', ')})`,
      },
    ]);
  }
  if (records.length === 0 || records.length > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { field: 'csv', message: records.length === 0 ? 'no tiene filas de datos' : `tiene más de ${MAX_IMPORT_ROWS} filas` },
    ]);
  }
  return records.map(({ record, info }) => {
    const values: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      const text = cell.trim();
      if (column === 'active') {
        const v = text.toLowerCase();
        values.active = ['true', 'sí', 'si', '1'].includes(v) ? true : ['false', 'no', '0'].includes(v) ? false : text === '' ? null : text;
      } else {
        values[column] = text === '' ? null : text;
      }
    }
    return { line: info.lines, values };
  });
}

/** Field problems of one row: the subject it would leave (its current fields, if any, and the row's) must be valid. */
function validateRow(values: Record<string, unknown>, current: Subject | undefined): FieldError[] {
  const problems: FieldError[] = [];
  const row = { ...values };
  for (const f of ['shortName', 'active'] as Field[]) {
    if (row[f] !== null) continue;
    // A new subject gets the defaults (its code, active); an existing one may not lose them.
    if (current) problems.push({ field: f, message: 'no puede quedar vacío' });
    delete row[f];
  }
  const merged = current ? { ...currentFields(current), ...row, code: current.code } : row;
  const errors = validateSync(plainToInstance(CreateSubjectDto, merged), { whitelist: true, forbidNonWhitelisted: true });
  return [...problems, ...fieldErrors(errors, 'es')];
}

function currentFields(s: Subject): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((f) => [f, (s as unknown as Record<Field, unknown>)[f]]));
}
