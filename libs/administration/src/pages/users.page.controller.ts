import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  CreateUserDto, CurrentUser, isRole, ListUsersQuery, requiresSubject, Role, ROLES, StaffPage, StaffUser, UpdateUserDto, UserView, UsersAdmin, UsersService,
} from '@ventanilla/auth';
import { contractError } from '@ventanilla/http';
import { CsrfGuard, PageFieldError, PageRenderer, queryText, Translate } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { checkWithDto, PAGE_SIZE, pageErrors, pageOf, pager } from './admin-form';

const BASE = '/personal/admin/usuarios';
const template = (name: string) => join(__dirname, name);

/** The account form's inputs by the DTO's (and the services') field names, in page order. */
const USER_FIELDS: Record<string, string> = { email: 'correo', name: 'nombre', role: 'rol', subjectCode: 'sujeto' };
const USER_ORDER = ['correo', 'nombre', 'rol', 'sujeto'];
const FILTER_FIELDS: Record<string, string> = { role: 'rol', subject: 'sujeto', active: 'estado', q: 'q' };
const FILTER_ORDER = ['q', 'rol', 'sujeto', 'estado'];

interface UserForm {
  email: string;
  name: string;
  role: string;
  subjectCode: string;
}

/** Results shown once on the account's page after a change (`?hecho=…`). */
const DONE = ['cambios', 'desactivada', 'reactivada'] as const;

/**
 * The admin's pages for staff accounts. Every change goes through `UsersService` / `UsersAdmin`,
 * the same methods as `/api/v1/users`, so the rules (role and subject, not oneself) and the
 * audit entries are the API's.
 */
@ApiExcludeController()
@Controller('personal/admin/usuarios')
@StaffPage('admin')
export class UsersPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly users: UsersService,
    private readonly admin: UsersAdmin,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const filters = {
      q: queryText(query.q, 200),
      rol: queryText(query.rol, 40),
      sujeto: queryText(query.sujeto, 40).toUpperCase(),
      estado: queryText(query.estado, 10),
    };
    const { page, offset } = pageOf(query.pagina);
    const { dto, invalid } = await checkWithDto(ListUsersQuery, {
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.rol ? { role: filters.rol } : {}),
      ...(filters.sujeto ? { subject: filters.sujeto } : {}),
      ...(filters.estado ? { active: filters.estado === 'activas' ? 'true' : filters.estado === 'desactivadas' ? 'false' : filters.estado } : {}),
      limit: PAGE_SIZE,
      offset,
    });
    const errors = pageErrors(invalid, FILTER_FIELDS, FILTER_ORDER, t);
    const result = errors.length > 0 ? { items: [], total: 0 } : await this.admin.list(dto);
    this.pages.render(
      req,
      res,
      template('users.njk'),
      { title: t('admin.usuarios.titulo'), filters, errors, users: result.items, pager: pager(BASE, filters, page, result.total), roles: roleOptions(t) },
      { status: errors.length > 0 ? 400 : 200, private: true },
    );
  }

  @Get('nueva')
  newForm(@Req() req: Request, @Res() res: Response): void {
    this.showNew(req, res, { email: '', name: '', role: 'uip_officer', subjectCode: '' }, []);
  }

  /**
   * The account is created with a random password nobody sees, then given a temporary one by the
   * existing reset (shown once here): the person must choose their own at the first sign-in.
   */
  @Post('nueva')
  @UseGuards(CsrfGuard)
  async create(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Body() body: Record<string, unknown>): Promise<void> {
    const form = readUserForm(body);
    const t = this.pages.translator(req);
    const { dto, invalid } = await checkWithDto(CreateUserDto, {
      email: form.email,
      ...(form.name ? { name: form.name } : {}),
      role: form.role,
      ...(form.subjectCode ? { subjectCode: form.subjectCode } : {}),
      password: randomBytes(24).toString('base64url'),
    });
    if (invalid.length > 0) return this.showNew(req, res, form, subjectAware(pageErrors(invalid, USER_FIELDS, USER_ORDER, t), form.role, t), 400);
    let created: UserView;
    try {
      created = await this.users.create(dto, actor);
    } catch (error) {
      const errors = this.serviceErrors(error, form.role, t);
      if (!errors) throw error;
      return this.showNew(req, res, form, errors, contractError(error)!.status);
    }
    const { temporaryPassword } = await this.admin.resetPassword(actor, created.id);
    this.pages.render(
      req,
      res,
      template('user-password.njk'),
      { title: t('admin.usuarios.creadaTitulo'), user: created, temporaryPassword, created: true, roleLabel: t(`admin.rol.${created.role}`) },
      { private: true },
    );
  }

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query('hecho') done?: unknown): Promise<void> {
    const user = await this.admin.get(id);
    const result = queryText(done, 20);
    await this.showUser(req, res, user, formOf(user), [], 200, (DONE as readonly string[]).includes(result) ? result : null);
  }

  @Post(':id')
  @UseGuards(CsrfGuard)
  async update(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const user = await this.admin.get(id);
    const form = { ...readUserForm(body), email: user.email };
    const t = this.pages.translator(req);
    const role = form.role;
    const { dto, invalid } = await checkWithDto(UpdateUserDto, {
      name: form.name || null,
      role,
      // Leaving the code empty for a role without a subject drops it; for one with a subject, the service asks for it.
      subjectCode: form.subjectCode || null,
    });
    if (invalid.length > 0) return this.showUser(req, res, user, form, subjectAware(pageErrors(invalid, USER_FIELDS, USER_ORDER, t), role, t), 400);
    try {
      await this.admin.update(actor, id, dto);
    } catch (error) {
      const errors = this.serviceErrors(error, role, t);
      if (!errors) throw error;
      return this.showUser(req, res, user, form, errors, contractError(error)!.status);
    }
    res.redirect(303, `${BASE}/${user.id}?hecho=cambios`);
  }

  @Get(':id/desactivar')
  async confirmDeactivation(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    await this.confirm(req, res, id, 'desactivar');
  }

  @Post(':id/desactivar')
  @UseGuards(CsrfGuard)
  async deactivate(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<void> {
    await this.setActive(req, res, actor, id, false);
  }

  @Post(':id/reactivar')
  @UseGuards(CsrfGuard)
  async reactivate(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<void> {
    await this.setActive(req, res, actor, id, true);
  }

  @Get(':id/contrasena')
  async confirmReset(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    await this.confirm(req, res, id, 'contrasena');
  }

  /** The existing reset: a temporary password, shown once; the account's sessions and tokens end at once. */
  @Post(':id/contrasena')
  @UseGuards(CsrfGuard)
  async resetPassword(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<void> {
    const user = await this.admin.get(id);
    const { temporaryPassword } = await this.admin.resetPassword(actor, user.id);
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      template('user-password.njk'),
      { title: t('admin.usuarios.restablecidaTitulo'), user, temporaryPassword, created: false, roleLabel: t(`admin.rol.${user.role}`) },
      { private: true },
    );
  }

  private async setActive(req: Request, res: Response, actor: StaffUser, id: string, active: boolean): Promise<void> {
    const user = await this.admin.get(id);
    try {
      await this.admin.update(actor, user.id, Object.assign(new UpdateUserDto(), { active }));
    } catch (error) {
      // Only another admin may deactivate an admin's own account: said on the account's page.
      if (contractError(error)?.code === 'CONFLICT') {
        return this.showUser(req, res, user, formOf(user), [], 409, null, this.pages.translator(req)('admin.usuarios.noASiMismo'));
      }
      throw error;
    }
    res.redirect(303, `${BASE}/${user.id}?hecho=${active ? 'reactivada' : 'desactivada'}`);
  }

  private async confirm(req: Request, res: Response, id: string, action: 'desactivar' | 'contrasena'): Promise<void> {
    const user = await this.admin.get(id);
    const t = this.pages.translator(req);
    this.pages.render(req, res, template('user-confirm.njk'), { title: t(`admin.usuarios.confirmar.${action}.titulo`), user, action }, { private: true });
  }

  private showNew(req: Request, res: Response, form: UserForm, errors: PageFieldError[], status = 200): void {
    const t = this.pages.translator(req);
    this.pages.render(req, res, template('user-new.njk'), { title: t('admin.usuarios.nuevaTitulo'), form, errors, roles: roleOptions(t) }, { status, private: true });
  }

  private async showUser(
    req: Request, res: Response, user: UserView, form: UserForm, errors: PageFieldError[], status = 200, done: string | null = null, problem: string | null = null,
  ): Promise<void> {
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      template('user.njk'),
      { title: user.name ?? user.email, user, form, errors, roles: roleOptions(t), done, problem, roleLabel: t(`admin.rol.${user.role}`) },
      { status, private: true },
    );
  }

  /** What the services refuse, beside its field: a taken email, an unknown or inactive subject, a role/subject mismatch. */
  private serviceErrors(error: unknown, role: string, t: Translate): PageFieldError[] | null {
    const refusal = contractError(error);
    if (!refusal) return null;
    if (refusal.code === 'CONFLICT' && refusal.details.some((d) => d.field === 'email')) return [{ field: 'correo', message: t('admin.errores.correoUsado') }];
    if (refusal.code === 'CONFLICT') return [{ field: 'rol', message: t('admin.usuarios.noASiMismo') }];
    if (refusal.code !== 'VALIDATION_FAILED' || refusal.details.length === 0) return null;
    // An unknown subject is the service's own sentence (it names the code); a missing or extra one, the page's.
    const errors = pageErrors(refusal.details, USER_FIELDS, USER_ORDER, t, { serviceDetails: true });
    return errors.map((e) => (e.field === 'sujeto' && !e.message.startsWith('No existe') ? subjectAware([e], role, t)[0] : e));
  }
}

function readUserForm(body: Record<string, unknown>): UserForm {
  return {
    email: queryText(body.correo, 400),
    name: queryText(body.nombre, 400),
    role: queryText(body.rol, 40),
    subjectCode: queryText(body.sujeto, 40).toUpperCase(),
  };
}

function formOf(user: UserView): UserForm {
  return { email: user.email, name: user.name ?? '', role: user.role, subjectCode: user.subjectCode ?? '' };
}

function roleOptions(t: Translate) {
  return ROLES.map((value) => ({ value, label: t(`admin.rol.${value}`), hint: t(`admin.rolAyuda.${value}`) }));
}

/** The subject's sentence says which way it is wrong for the chosen role: missing, or not admitted. */
function subjectAware(errors: PageFieldError[], role: string, t: Translate): PageFieldError[] {
  return errors.map((e) =>
    e.field === 'sujeto' && isRole(role) ? { ...e, message: t(requiresSubject(role as Role) ? 'admin.errores.sujeto' : 'admin.errores.sujetoSobra') } : e,
  );
}

