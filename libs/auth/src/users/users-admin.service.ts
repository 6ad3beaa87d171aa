import { Injectable } from '@nestjs/common';
import { AuditActor, AuditLog } from '@ventanilla/audit';
import { AppError } from '@ventanilla/http';
import { Subject } from '@ventanilla/subjects';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { requiresSubject } from '../staff/roles';
import { hashPassword } from './password';
import { subjectCodeProblem } from './subject-code-for-role';
import { User, toUserView, UserView } from './user.entity';
import { ListUsersQuery, UpdateUserDto } from './users-admin.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// No 0/O, 1/I/l: a temporary password is read aloud or copied by hand.
const TEMPORARY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

export interface PasswordResetResult {
  /** Shown once to the admin, who hands it over; the user must replace it at the next sign-in. */
  temporaryPassword: string;
}

function userNotFound(): AppError {
  return AppError.notFound({ es: 'No existe esa cuenta de personal.', en: 'There is no such staff account.' });
}

/**
 * What an admin does to staff accounts: list and search, change name/role/subject, deactivate
 * and reactivate, reset a password. Each change and its audit event commit together. The
 * staff pages call these methods directly, as the HTTP controller does.
 */
@Injectable()
export class UsersAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListUsersQuery): Promise<{ items: UserView[]; total: number }> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.subject) qb.andWhere('u.subject_code = :subject', { subject: query.subject });
    if (query.active) qb.andWhere('u.active = :active', { active: query.active === 'true' });
    const q = (query.q ?? '').trim();
    if (q) {
      qb.andWhere(
        `(immutable_unaccent(lower(u.email)) LIKE '%' || immutable_unaccent(lower(:q)) || '%' ESCAPE '\\'
          OR immutable_unaccent(lower(coalesce(u.name, ''))) LIKE '%' || immutable_unaccent(lower(:q)) || '%' ESCAPE '\\')`,
        { q: q.replace(/[\\%_]/g, (c) => `\\${c}`) },
      );
    }
    const [users, total] = await qb.orderBy('lower(u.email)', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
    return { items: users.map(toUserView), total };
  }

  async get(id: string): Promise<UserView> {
    const user = UUID.test(id) ? await this.dataSource.getRepository(User).findOneBy({ id }) : null;
    if (!user) throw userNotFound();
    return toUserView(user);
  }

  async update(actor: AuditActor, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.lock(tx, id);
      const role = dto.role ?? user.role;
      // Moving to a role without a subject drops it; to a role with one, it must be given or kept.
      const subjectCode = dto.subjectCode !== undefined ? dto.subjectCode : requiresSubject(role) ? user.subjectCode : null;
      const problem = subjectCodeProblem(role, subjectCode);
      if (problem) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'subjectCode', message: problem }]);
      if (subjectCode && subjectCode !== user.subjectCode) {
        const subject = await tx.findOneBy(Subject, { code: subjectCode, active: true });
        if (!subject) {
          throw new AppError('VALIDATION_FAILED', undefined, [
            { field: 'subjectCode', message: `no existe un sujeto obligado activo con el código ${subjectCode}` },
          ]);
        }
      }
      const active = dto.active ?? user.active;
      if (user.id === actor.id && (!active || role !== 'admin')) {
        throw new AppError('CONFLICT', {
          es: 'No puede desactivar su propia cuenta ni quitarle el rol de administrador: pídalo a otro administrador.',
          en: 'You cannot deactivate your own account or remove its admin role: ask another administrator.',
        });
      }
      const next = { name: dto.name !== undefined ? dto.name?.trim() ?? null : user.name, role, subjectCode, active };
      const changes = Object.fromEntries(
        (Object.keys(next) as (keyof typeof next)[])
          .filter((k) => next[k] !== user[k])
          .map((k) => [k, { from: user[k], to: next[k] }]),
      );
      if (Object.keys(changes).length === 0) return toUserView(user);
      Object.assign(user, next);
      // Deactivation ends every live token, and a later reactivation does not bring them back.
      if (changes.active && !active) user.tokenGeneration += 1;
      await tx.save(User, user);
      const action = changes.active ? (active ? 'user.reactivated' : 'user.deactivated') : 'user.updated';
      await this.audit.record(tx, actor, { action, targetKind: 'user', targetId: user.id, data: { email: user.email, changes } });
      return toUserView(user);
    });
  }

  /** A new temporary password; every live token of the account stops working at once. */
  async resetPassword(actor: AuditActor, id: string): Promise<PasswordResetResult> {
    const temporaryPassword = Array.from({ length: 16 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
    const passwordHash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (tx) => {
      const user = await this.lock(tx, id);
      user.passwordHash = passwordHash;
      user.passwordChangeRequired = true;
      user.tokenGeneration += 1;
      await tx.save(User, user);
      await this.audit.record(tx, actor, { action: 'user.password_reset', targetKind: 'user', targetId: user.id, data: { email: user.email } });
    });
    return { temporaryPassword };
  }

  private async lock(tx: EntityManager, id: string): Promise<User> {
    const user = UUID.test(id) ? await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!user) throw userNotFound();
    return user;
  }
}
