import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { requiresSubject, StaffUser } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { Case, OPEN_CASE_SQL, overdueCaseSql } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { Repository } from 'typeorm';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';
import { ListCasesQuery } from './list-cases.query';

const OVERDUE = overdueCaseSql(':today');

@Injectable()
export class CaseListingService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly views: StaffCaseViews,
    private readonly clock: Clock,
  ) {}

  /** The user's cases, the most urgent term first. */
  async list(user: StaffUser, query: ListCasesQuery): Promise<{ items: StaffCaseView[]; total: number }> {
    const qb = this.cases.createQueryBuilder('c').leftJoinAndSelect('c.subject', 's');
    // A filter for another subject simply finds nothing: the list never says what other bodies hold.
    if (requiresSubject(user.role)) qb.andWhere('c.subject_code = :own', { own: user.subjectCode });
    if (query.subject) qb.andWhere('c.subject_code = :subject', { subject: query.subject });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.open) qb.andWhere(query.open === 'true' ? OPEN_CASE_SQL : `NOT ${OPEN_CASE_SQL}`);
    if (query.channel) qb.andWhere('c.channel = :channel', { channel: query.channel });
    if (query.q) {
      // Accents and case ignored, as people type them; the words as one phrase.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM requests r WHERE r.id = c.request_id
           AND immutable_unaccent(lower(r.description)) LIKE '%' || immutable_unaccent(lower(:q)) || '%' ESCAPE '\\')`,
        { q: query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`) },
      );
    }
    if (query.overdue) {
      qb.andWhere(query.overdue === 'true' ? OVERDUE : `NOT ${OVERDUE}`, {
        today: localDateOf(this.clock.now()),
      });
    }
    qb.orderBy('c.term_due_date', 'ASC').addOrderBy('c.received_at', 'ASC').addOrderBy('c.id', 'ASC');
    // The total counted with count(*) on the same filter: TypeORM's getManyAndCount counts
    // DISTINCT ids because of the join, which at a busy body's 80,000 cases is a hash of them all
    // on every page. The subject join is many-to-one, so no case is counted twice.
    const counting = qb.clone().orderBy().select('count(*)::int', 'total');
    const [list, counted] = await Promise.all([qb.offset(query.offset).limit(query.limit).getMany(), counting.getRawOne<{ total: number }>()]);
    const total = counted?.total ?? 0;
    return { items: await this.views.render(user, list), total };
  }

  async get(user: StaffUser, id: string): Promise<StaffCaseView> {
    const c = await this.views.readable(user, id);
    return (await this.views.render(user, [c]))[0];
  }
}
