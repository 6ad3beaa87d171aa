import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { canReadSubject, seesContactDetails, StaffUser } from '@ventanilla/auth';
import { Case, caseNotFound, CaseReader, CaseRecord, CaseView, LanguageView, languageView, Request, RequesterView, requesterView } from '@ventanilla/cases';
import { In, Repository } from 'typeorm';
import { caseIdOrNotFound } from './staff-case-access';

/**
 * The contract's `Case` as staff see it: with what was asked (`description`) and who asked
 * (`requester`). The PDH monitors compliance, not people, so its `requester` is null.
 */
export interface StaffCaseView extends CaseView {
  description: string;
  requester: RequesterView | null;
  /** The requester's language: the body attends in it (Ley de Idiomas Nacionales, Decreto 19-2003). */
  language: LanguageView;
  deliveryFormat: Request['deliveryFormat'];
}

@Injectable()
export class StaffCaseViews {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly reader: CaseReader,
  ) {}

  async render(user: StaffUser, list: Case[]): Promise<StaffCaseView[]> {
    if (list.length === 0) return [];
    const requests = await this.requests.findBy({ id: In([...new Set(list.map((c) => c.requestId))]) });
    const byId = new Map(requests.map((r) => [r.id, r]));
    const views = await this.reader.views(list, undefined, 'staff');
    return views.map((view, i) => staffView(user, view, byId.get(list[i].requestId)!));
  }

  /** The views of records already read with their requests (the listing reads both in one query). */
  renderRecords(user: StaffUser, rows: { record: CaseRecord; request: Request }[]): StaffCaseView[] {
    const views = this.reader.viewsOf(rows.map((r) => r.record), 'staff');
    return views.map((view, i) => staffView(user, view, rows[i].request));
  }

  /** A case this user may read; any other is 404, as if it did not exist. */
  async readable(user: StaffUser, id: string): Promise<Case> {
    const c = await this.cases.findOne({ where: { id: caseIdOrNotFound(id) }, relations: { subject: true } });
    if (!c || !canReadSubject(user, c.subjectCode)) throw caseNotFound();
    return c;
  }

  /** The case as it is now (after an action: its generated term and version come from the row). */
  async current(user: StaffUser, id: string): Promise<StaffCaseView> {
    const c = await this.cases.findOneOrFail({ where: { id }, relations: { subject: true } });
    return (await this.render(user, [c]))[0];
  }
}

function staffView(user: StaffUser, view: CaseView, request: Request): StaffCaseView {
  return {
    ...view,
    description: request.description,
    requester: seesContactDetails(user) ? requesterView(request) : null,
    language: languageView(request.language),
    deliveryFormat: request.deliveryFormat,
  };
}
