import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditEventView, AuditLog } from '@ventanilla/audit';
import { StaffPage } from '@ventanilla/auth';
import { addDays, isLocalDate, startOfLocalDay } from '@ventanilla/calendar';
import { PageFieldError, PageRenderer, queryText, Translate } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { PAGE_SIZE, pageOf, pager } from './admin-form';

const BASE = '/personal/admin/auditoria';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit trail, newest first, filtered by action, person, object and a range of Guatemalan days. */
@ApiExcludeController()
@Controller('personal/admin/auditoria')
@StaffPage('admin')
export class AuditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const filters = {
      accion: queryText(query.accion, 60),
      actor: queryText(query.actor, 40),
      objeto: queryText(query.objeto, 100),
      desde: queryText(query.desde, 10),
      hasta: queryText(query.hasta, 10),
    };
    const errors: PageFieldError[] = [];
    if (filters.accion && !/^[a-z_]+\.[a-z_]+$/.test(filters.accion)) errors.push({ field: 'accion', message: t('admin.errores.accion') });
    if (filters.actor && !UUID.test(filters.actor)) errors.push({ field: 'actor', message: t('admin.errores.actor') });
    for (const field of ['desde', 'hasta'] as const) {
      if (filters[field] && !isLocalDate(filters[field])) errors.push({ field, message: t(`admin.errores.${field}`) });
    }
    if (errors.length === 0 && filters.desde && filters.hasta && filters.desde > filters.hasta) errors.push({ field: 'hasta', message: t('admin.errores.rango') });
    const { page, offset } = pageOf(query.pagina);
    const [actions, actors] = await Promise.all([this.audit.actions(), this.audit.actors()]);
    const result =
      errors.length > 0
        ? { items: [], total: 0 }
        : await this.audit.list({
            action: filters.accion || undefined,
            actorId: filters.actor || undefined,
            targetId: filters.objeto || undefined,
            // Days are Guatemala's: from the start of `desde` to the end of `hasta`.
            from: filters.desde ? startOfLocalDay(filters.desde) : undefined,
            to: filters.hasta ? startOfLocalDay(addDays(filters.hasta, 1)) : undefined,
            limit: PAGE_SIZE,
            offset,
          });
    this.pages.render(
      req,
      res,
      join(__dirname, 'audit.njk'),
      {
        title: t('admin.auditoria.titulo'),
        filters,
        errors,
        actions: actions.map((value) => ({ value, label: actionLabel(value, t) })),
        actors: actors.map((a) => ({ value: a.id, label: a.email })),
        events: result.items.map((e) => ({ ...e, label: actionLabel(e.action, t), link: targetLink(e), targetLabel: targetLabel(e), summary: summary(e.data) })),
        pager: pager(BASE, filters, page, result.total),
      },
      { status: errors.length > 0 ? 400 : 200, private: true },
    );
  }
}

/** The catalogue's name for an action, or the action itself for one added later without a name yet. */
function actionLabel(action: string, t: Translate): string {
  const key = `admin.accion.${action.replace('.', '_')}`;
  const label = t(key);
  return label === key ? action : label;
}

function targetLink(e: AuditEventView): string | null {
  if (e.targetKind === 'user') return `/personal/admin/usuarios/${e.targetId}`;
  if (e.targetKind === 'subject') return `/personal/admin/sujetos/${encodeURIComponent(e.targetId)}`;
  return null;
}

/** The object as people know it: an account by its email, a body by its code, a day by its date. */
function targetLabel(e: AuditEventView): string {
  if (e.targetKind === 'user' && typeof e.data.email === 'string') return e.data.email;
  if (e.targetKind === 'calendar' && typeof e.data.date === 'string') return e.data.date;
  if (e.targetKind === 'subjects') return '';
  return e.targetId;
}

/** What changed, in one line: `campo: antes → después` for changes, `clave: valor` for the rest (never more than a few hundred characters). */
function summary(data: Record<string, unknown>): string {
  const parts: string[] = [];
  const changes = (data.changes ?? null) as Record<string, { from: unknown; to: unknown }> | null;
  if (changes && typeof changes === 'object') {
    for (const [field, c] of Object.entries(changes)) parts.push(`${field}: ${text(c?.from)} → ${text(c?.to)}`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'changes') continue;
    parts.push(`${key}: ${text(value)}`);
  }
  const line = parts.join('; ');
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length > 10 ? `${value.slice(0, 10).map(text).join(', ')}… (${value.length})` : value.map(text).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
