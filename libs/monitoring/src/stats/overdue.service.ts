import { Injectable } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { Case, CaseReader, CaseView, overdueCaseSql } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { ReadReplica } from '@ventanilla/database';
import { SubjectsService } from '@ventanilla/subjects';
import { OverdueQuery } from './overdue.dto';

/** Open cases past their term, for the PDH's follow-up; served by the partial index `cases_open_term`. */
@Injectable()
export class OverdueService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly reader: CaseReader,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  async list(query: OverdueQuery): Promise<{ items: CaseView[]; total: number; limit: number; offset: number }> {
    // An unknown body is an error, not an empty list: a typo must not read as "nothing overdue".
    if (query.subject) await this.subjects.get(query.subject);
    const today = localDateOf(this.clock.now());
    // The list and its cases' histories from one place (the replica when there is one).
    return this.replica.run(async (manager) => {
      const qb = manager.createQueryBuilder(Case, 'c').where(overdueCaseSql(':today'), { today });
      if (query.subject) qb.andWhere('c.subject_code = :subject', { subject: query.subject });
      const [list, total] = await qb
        .orderBy('c.term_due_date', 'ASC')
        .addOrderBy('c.received_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .offset(query.offset)
        .limit(query.limit)
        .getManyAndCount();
      // The contract's public view: never the requester's identity or contacts.
      return { items: await this.reader.views(list, manager), total, limit: query.limit, offset: query.offset };
    });
  }
}
