import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role, StaffUser } from '../staff/roles';

/** A staff account. Emails are unique ignoring case (index on lower(email)). */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('varchar', { length: 30 })
  role: Role;

  @Column('varchar', { name: 'subject_code', length: 40, nullable: true })
  subjectCode: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  /** Set by an admin's password reset: the account may only choose a new password until it does. */
  @Column('boolean', { name: 'password_change_required', default: false })
  passwordChangeRequired: boolean;

  /** Carried by every token; bumped (deactivation, password reset or change) to end every live token at once. */
  @Column('int', { name: 'token_generation', default: 0 })
  tokenGeneration: number;
}

/** The contract's `User` (api.md, Staff administration), plus whether a new password is pending: never the hash. */
export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  subjectCode: string | null;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  passwordChangeRequired: boolean;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? null,
    role: user.role,
    subjectCode: user.subjectCode,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    passwordChangeRequired: user.passwordChangeRequired ?? false,
  };
}

export function toStaffUser(user: User): StaffUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    subjectCode: user.subjectCode,
    // Only when pending, so a staff member's shape stays the usual one.
    ...(user.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  };
}
