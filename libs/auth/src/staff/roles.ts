/** Staff roles (api.md, Staff). Officers and highest authorities act for one subject only. */
export const ROLES = ['uip_officer', 'highest_authority', 'pdh_monitor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to exactly one obligated subject; the database enforces the same rule. */
export const SUBJECT_ROLES: readonly Role[] = ['uip_officer', 'highest_authority'];

/** The authenticated staff member, as the guard hands it to handlers. */
export interface StaffUser {
  id: string;
  email: string;
  role: Role;
  subjectCode: string | null;
  /** After an admin's reset: only `POST /auth/password` is open until a new password is chosen. */
  passwordChangeRequired?: boolean;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function requiresSubject(role: Role): boolean {
  return SUBJECT_ROLES.includes(role);
}

/** Admins and the PDH read every subject's cases; everyone else only their own subject's. */
export function canReadSubject(user: Pick<StaffUser, 'role' | 'subjectCode'>, subjectCode: string): boolean {
  if (user.role === 'admin' || user.role === 'pdh_monitor') return true;
  return user.subjectCode !== null && user.subjectCode === subjectCode;
}

/** The PDH monitors compliance, not people: it never sees the requester's contact details. */
export function seesContactDetails(user: Pick<StaffUser, 'role'>): boolean {
  return user.role !== 'pdh_monitor';
}
