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
}

/** The account as the API shows it: never the hash. */
export interface UserView {
  id: string;
  email: string;
  role: Role;
  subjectCode: string | null;
}

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, role: user.role, subjectCode: user.subjectCode };
}

export function toStaffUser(user: User): StaffUser {
  return { id: user.id, email: user.email, role: user.role, subjectCode: user.subjectCode };
}
