import { Injectable } from '@nestjs/common';
import { ROLES } from '@ventanilla/auth';
import { DataSource } from 'typeorm';

export interface AdminOverview {
  accounts: { role: string; active: number }[];
  inactiveAccounts: number;
  activeSubjects: number;
  /** Active bodies no notice reaches: no UIP mailbox and no active officer (the PDH digest's "sin UIP registrada"). */
  unreachableSubjects: number;
  declaredDays: number;
}

/** The few figures on the admin's home page, read in one round trip. */
@Injectable()
export class AdminOverviewReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(year: number): Promise<AdminOverview> {
    const [row]: Record<string, number>[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM users WHERE NOT active) AS "inactiveAccounts",
         (SELECT count(*)::int FROM subjects WHERE active) AS "activeSubjects",
         (SELECT count(*)::int FROM subjects s WHERE s.active AND s.uip_email IS NULL
             AND NOT EXISTS (SELECT 1 FROM users u WHERE u.subject_code = s.code AND u.active AND u.role = 'uip_officer')) AS "unreachableSubjects",
         (SELECT count(*)::int FROM non_business_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)) AS "declaredDays"`,
      [year],
    );
    const byRole: { role: string; n: number }[] = await this.dataSource.query(`SELECT role, count(*)::int AS n FROM users WHERE active GROUP BY role`);
    return {
      accounts: ROLES.map((role) => ({ role, active: byRole.find((r) => r.role === role)?.n ?? 0 })),
      inactiveAccounts: row.inactiveAccounts,
      activeSubjects: row.activeSubjects,
      unreachableSubjects: row.unreachableSubjects,
      declaredDays: row.declaredDays,
    };
  }
}
