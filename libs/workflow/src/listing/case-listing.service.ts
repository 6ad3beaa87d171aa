import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requiresSubject, StaffUser } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { CASE_RECORD_JSON, CaseJson, caseRecord, OPEN_CASE_SQL, overdueCaseSql, REQUEST_COLUMNS, requestOf, RequestRow } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { DataSource } from 'typeorm';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { ListCasesQuery } from './list-cases.query';

/** The listing's order: the term that applies, then reception, then id (the index `cases_subject_listing`). */
const ORDER = 'c.term_due_date, c.received_at, c.id';

@Injectable()
export class CaseListingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: StaffCaseViews,
    private readonly clock: Clock,
  ) {}

  /**
   * The user's cases, the most urgent term first, and how many match. One statement: the count,
   * and the page with each case's record and its request, read as rows and JSON without entity
   * hydration (at a busy body's page of 50 cases, TypeORM's hydration and the extra round trips
   * for requests and events cost more than the queries themselves). The page's ids are read
   * first, in the index's order, so a deep offset skips index entries, not rendered cases.
   */
  async list(user: StaffUser, query: ListCasesQuery): Promise<{ items: StaffCaseView[]; total: number }> {
    const params: unknown[] = [];
    const where = this.filters(user, query, params).join(' AND ') || 'true';
    const rows: (RequestRow & { total: number; record: CaseJson | null })[] = await this.db.query(
      `SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM cases c WHERE ${where}) AS counted
         LEFT JOIN LATERAL (
           SELECT ${REQUEST_COLUMNS}, ${CASE_RECORD_JSON} AS record
             FROM (SELECT c.id FROM cases c WHERE ${where} ORDER BY ${ORDER}
                    LIMIT $${params.push(query.limit)} OFFSET $${params.push(query.offset)}) AS ids
             JOIN cases c ON c.id = ids.id
             LEFT JOIN subjects s ON s.code = c.subject_code
             JOIN requests r ON r.id = c.request_id
            ORDER BY ${ORDER}
         ) AS page ON true`,
      params,
    );
    const found = rows.filter((row) => row.record !== null);
    return {
      items: this.views.renderRecords(user, found.map((row) => ({ record: caseRecord(row.record!), request: requestOf(row) }))),
      total: rows[0]?.total ?? 0,
    };
  }

  async get(user: StaffUser, id: string): Promise<StaffCaseView> {
    const c = await this.views.readable(user, id);
    return (await this.views.render(user, [c]))[0];
  }

  /** The query's conditions on cases `c`, their values pushed onto `params`. */
  private filters(user: StaffUser, query: ListCasesQuery, params: unknown[]): string[] {
    const where: string[] = [];
    // A filter for another subject simply finds nothing: the list never says what other bodies hold.
    if (requiresSubject(user.role)) where.push(`c.subject_code = $${params.push(user.subjectCode)}`);
    if (query.subject) where.push(`c.subject_code = $${params.push(query.subject)}`);
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    if (query.open) where.push(query.open === 'true' ? OPEN_CASE_SQL : `NOT ${OPEN_CASE_SQL}`);
    if (query.channel) where.push(`c.channel = $${params.push(query.channel)}`);
    if (query.q) {
      // Accents and case ignored, as people type them; the words as one phrase.
      const q = query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      where.push(`EXISTS (SELECT 1 FROM requests r WHERE r.id = c.request_id
           AND immutable_unaccent(lower(r.description)) LIKE '%' || immutable_unaccent(lower($${params.push(q)})) || '%' ESCAPE '\\')`);
    }
    if (query.overdue) {
      const overdue = overdueCaseSql(`$${params.push(localDateOf(this.clock.now()))}::date`);
      where.push(query.overdue === 'true' ? overdue : `NOT ${overdue}`);
    }
    return where;
  }
}
