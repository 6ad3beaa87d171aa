import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { EntityManager } from 'typeorm';

/**
 * Who is told about a subject's cases. `uip`: every active uip_officer and the subject's UIP
 * mailbox; `appeal`: the same plus the subject's active highest_authority users (Art. 53-58).
 */
export type Audience = 'uip' | 'appeal';

const ROLES_BY_AUDIENCE: Record<Audience, string[]> = {
  uip: ['uip_officer'],
  appeal: ['uip_officer', 'highest_authority'],
};

/** A subject that nobody would hear from: no active officer and no mailbox ("sin UIP registrada"). */
export interface UnreachableSubject {
  code: string;
  name: string;
}

/**
 * The one SQL rule for "someone receives this subject's notices", for a subject aliased `s`.
 * The digest and the statistics read it; `ofSubjects` below answers the same people by address.
 */
export function reachableSql(s: string): string {
  return `(nullif(btrim(${s}.uip_email), '') IS NOT NULL OR EXISTS (
    SELECT 1 FROM users u WHERE u.subject_code = ${s}.code AND u.active AND u.role = 'uip_officer'))`;
}

/** Addresses compared and sent as one person: trimmed, lower-case, once. */
export function normalizedAddresses(emails: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const e of emails) {
    const email = (e ?? '').trim().toLowerCase();
    if (email.includes('@')) out.add(email);
  }
  return [...out].sort();
}

/**
 * The one SQL for who receives a subject's staff notices: rows `(code, email)` for the subject
 * codes in the text[] parameter `codes` and the roles in the text[] parameter `roles`
 * (`ROLES_BY_AUDIENCE`). `ofSubjects` runs it alone; a hot path may run it as a part of its own
 * read (filing reads it with the revisions, in one round trip) and group it with `recipientsByCode`.
 */
export function recipientRowsSql(codes: string, roles: string): string {
  return `SELECT s.code, s.uip_email AS email FROM subjects s WHERE s.code = ANY(${codes}) AND s.uip_email IS NOT NULL
       UNION ALL
       SELECT u.subject_code, u.email FROM users u WHERE u.subject_code = ANY(${codes}) AND u.active AND u.role = ANY(${roles})`;
}

export function rolesOf(audience: Audience): string[] {
  return ROLES_BY_AUDIENCE[audience];
}

/** Rows of `recipientRowsSql` by subject, every one of `codes` present, each address once. */
export function recipientsByCode(codes: string[], rows: { code: string; email: string }[]): Map<string, string[]> {
  const byCode = new Map<string, (string | null)[]>(codes.map((c) => [c, []]));
  for (const r of rows) byCode.get(r.code)?.push(r.email);
  return new Map([...byCode].map(([code, emails]) => [code, normalizedAddresses(emails)]));
}

/**
 * Resolves the recipients of every staff notice, in the caller's transaction so a notice goes
 * to the people the case's own change saw. Each address appears once per subject.
 */
@Injectable()
export class NoticeRecipients {
  constructor(@Inject(EnvDto) private readonly config: EnvDto) {}

  async ofSubjects(manager: EntityManager, codes: string[], audience: Audience = 'uip'): Promise<Map<string, string[]>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows: { code: string; email: string }[] = await manager.query(recipientRowsSql('$1', '$2'), [unique, rolesOf(audience)]);
    return recipientsByCode(unique, rows);
  }

  async ofSubject(manager: EntityManager, code: string, audience: Audience = 'uip'): Promise<string[]> {
    return (await this.ofSubjects(manager, [code], audience)).get(code) ?? [];
  }

  /** The PDH's monitors: active pdh_monitor users and the addresses in PDH_MONITOR_EMAILS. */
  async pdhMonitors(manager: EntityManager): Promise<string[]> {
    const users: { email: string }[] = await manager.query(`SELECT email FROM users WHERE role = 'pdh_monitor' AND active`);
    const configured = (this.config.PDH_MONITOR_EMAILS ?? '').split(/[,;\s]+/);
    return normalizedAddresses([...users.map((u) => u.email), ...configured]);
  }

  /** Active subjects whose notices reach nobody, by name. */
  async unreachableSubjects(manager: EntityManager): Promise<UnreachableSubject[]> {
    return manager.query(`SELECT s.code, s.name FROM subjects s WHERE s.active AND NOT ${reachableSql('s')} ORDER BY s.name, s.code`);
  }
}
