import { Injectable } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { Case, CaseReader, CaseView, overdueCaseSql } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { ReadReplica } from '@ventanilla/database';
import { SubjectFilters } from '../stats/stats-rows';

/**
 * The PDH desk's list of open cases past their term, across the bodies of a sector and
 * department, the longest overdue first (as `GET /stats/overdue`, which filters by one body).
 * Each is the contract's public view: what was asked and who answers, never who asked.
 */
@Injectable()
export class OverdueDesk {
  constructor(
    private readonly replica: ReadReplica,
    private readonly reader: CaseReader,
    private readonly clock: Clock,
  ) {}

  async list(filters: SubjectFilters, limit: number, offset: number): Promise<{ items: CaseView[]; total: number }> {
    const today = localDateOf(this.clock.now());
    return this.replica.run(async (manager) => {
      const qb = manager.createQueryBuilder(Case, 'c').innerJoinAndSelect('c.subject', 's').where(overdueCaseSql(':today'), { today });
      if (filters.sector) qb.andWhere('s.sector = :sector', { sector: filters.sector });
      if (filters.department) qb.andWhere('s.department_code = :department', { department: filters.department });
      const [list, total] = await qb
        .orderBy('c.term_due_date', 'ASC')
        .addOrderBy('c.received_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .offset(offset)
        .limit(limit)
        .getManyAndCount();
      return { items: await this.reader.views(list, manager), total };
    });
  }
}
