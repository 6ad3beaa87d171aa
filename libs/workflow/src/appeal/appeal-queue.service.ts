import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { StaffUser } from '@ventanilla/auth';
import { Case } from '@ventanilla/cases';
import { Repository } from 'typeorm';
import { StaffCaseView, StaffCaseViews } from '../staff/staff-case-views.service';

/** How many decided appeals the authority's list shows: the most recent ones. */
const RECENTLY_DECIDED = 20;

/**
 * The highest authority's appeals (Arts. 52-60): those still to decide by their decision
 * term, the earliest first, and the latest it decided. Only its own subject's cases.
 */
@Injectable()
export class AppealQueue {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly views: StaffCaseViews,
  ) {}

  async of(user: StaffUser): Promise<{ pending: StaffCaseView[]; decided: StaffCaseView[] }> {
    if (!user.subjectCode) return { pending: [], decided: [] };
    const pending = await this.cases.find({
      where: { subjectCode: user.subjectCode, appealStatus: 'filed' },
      relations: { subject: true },
      order: { appealDueDate: 'ASC', appealFiledAt: 'ASC', id: 'ASC' },
    });
    const decided = await this.cases.find({
      where: { subjectCode: user.subjectCode, appealStatus: 'decided' },
      relations: { subject: true },
      order: { appealDecidedAt: 'DESC', id: 'ASC' },
      take: RECENTLY_DECIDED,
    });
    return { pending: await this.views.render(user, pending), decided: await this.views.render(user, decided) };
  }
}
