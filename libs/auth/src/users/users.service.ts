import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditActor, AuditLog } from '@ventanilla/audit';
import { AppError } from '@ventanilla/http';
import { SubjectsService } from '@ventanilla/subjects';
import { QueryFailedError, Repository } from 'typeorm';
import { requiresSubject } from '../staff/roles';
import { CreateUserDto } from './create-user.dto';
import { hashPassword } from './password';
import { toUserView, User, UserView } from './user.entity';

/** The unique index of the staff migration; a second account with the same email hits it. */
const EMAIL_INDEX = 'users_email_lower';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly subjects: SubjectsService,
    private readonly audit: AuditLog,
  ) {}

  /** Creates an account; with an actor (an admin), its audit event commits with it. */
  async create(input: CreateUserDto, actor?: AuditActor): Promise<UserView> {
    const subjectCode = requiresSubject(input.role) ? (input.subjectCode ?? null) : null;
    if (subjectCode) await this.subjects.requireActive([subjectCode], 'subjectCode');
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.users.manager.transaction(async (tx) => {
        const created = await tx.save(User, tx.create(User, { email: input.email, name: input.name?.trim() ?? null, passwordHash, role: input.role, subjectCode }));
        if (actor) {
          await this.audit.record(tx, actor, {
            action: 'user.created',
            targetKind: 'user',
            targetId: created.id,
            data: { email: created.email, role: created.role, subjectCode: created.subjectCode },
          });
        }
        return created;
      });
      return toUserView(user);
    } catch (error) {
      // The index, not a prior lookup, decides: two admins creating the same email at once get one account.
      if (isUniqueViolation(error, EMAIL_INDEX)) {
        throw new AppError(
          'CONFLICT',
          { es: `Ya existe una cuenta con el correo ${input.email}.`, en: `An account with the email ${input.email} already exists.` },
          [{ field: 'email', message: 'ya está registrado' }],
        );
      }
      throw error;
    }
  }

  /**
   * Ends every session of the account at once, pages and API tokens alike (the token generation,
   * as a password change does): what a sign-out falls back to when it cannot record its one session.
   */
  async endAllSessions(id: string): Promise<void> {
    await this.users.increment({ id }, 'tokenGeneration', 1);
  }

  /** The account with this email, ignoring case, whether active or not. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** The account behind a token, or null once it is gone or deactivated. */
  async findActive(id: string): Promise<User | null> {
    if (!UUID.test(id)) return null;
    return this.users.findOneBy({ id, active: true });
  }

  async touchLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }

  /**
   * Creates the first administrator unless an account has that email. Safe when two
   * processes start at once: the insert yields to the unique index instead of failing.
   */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (await this.findByEmail(email)) return false;
    const rows: unknown[] = await this.users.query(
      `INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'admin')
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [email, await hashPassword(password)],
    );
    return rows.length > 0;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
