import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Clock } from '@ventanilla/config';
import { EntityManager, In, Repository } from 'typeorm';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { CaseRecord, CaseView, SubjectRef, toCaseView } from './case-view';
import { CaseAudience, Document } from './document.entity';
import { REQUEST_WITH_RECORDS_SQL, RequestWithRecords, requestWithRecords } from './request-records';

/** Loads cases with their subjects, links and events, and renders the contract's view. */
@Injectable()
export class CaseReader {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly clock: Clock,
  ) {}

  async records(list: Case[], manager: EntityManager = this.cases.manager): Promise<CaseRecord[]> {
    if (list.length === 0) return [];
    const linkedIds = list.flatMap((c) => [c.transferredToCaseId, c.transferredFromCaseId]).filter((id): id is string => !!id);
    const linked = linkedIds.length ? await manager.find(Case, { where: { id: In(linkedIds) }, relations: { subject: true } }) : [];
    const refs = new Map(linked.map((c) => [c.id, { id: c.id, subject: subjectRef(c) }]));
    const events = await manager.find(CaseEvent, { where: { caseId: In(list.map((c) => c.id)) }, order: { id: 'ASC' } });
    const documents = await manager.find(Document, { where: { caseId: In(list.map((c) => c.id)) }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    const withSubjects = list.some((c) => !c.subject)
      ? await manager.find(Case, { where: { id: In(list.map((c) => c.id)) }, relations: { subject: true } })
      : list;
    const names = new Map(withSubjects.map((c) => [c.id, c.subject?.name ?? c.subjectCode]));
    return list.map((c) => ({
      case: c,
      subjectName: names.get(c.id) ?? c.subjectCode,
      transferredTo: c.transferredToCaseId ? refs.get(c.transferredToCaseId) ?? null : null,
      transferredFrom: c.transferredFromCaseId ? refs.get(c.transferredFromCaseId) ?? null : null,
      events: events.filter((e) => e.caseId === c.id),
      documents: documents.filter((d) => d.caseId === c.id),
    }));
  }

  /** The contract's views; `audience` decides which documents they show (the public's by default). */
  async views(list: Case[], manager?: EntityManager, audience: CaseAudience = 'public'): Promise<CaseView[]> {
    const now = this.clock.now();
    return (await this.records(list, manager)).map((r) => toCaseView(r, now, audience));
  }

  async view(c: Case, manager?: EntityManager, audience: CaseAudience = 'public'): Promise<CaseView> {
    return (await this.views([c], manager, audience))[0];
  }

  /**
   * A request by its (normalized) folio with its cases' records, in one query and without
   * hydrating entities: the public lookup and the requester's view read this. `null` when no
   * request has that folio. The access code's hash only when asked for.
   */
  async requestByFolio(folio: string, withAccessCodeHash = false, manager: EntityManager = this.cases.manager): Promise<RequestWithRecords | null> {
    const rows = await manager.query(withAccessCodeHash ? REQUEST_WITH_RECORDS_SQL.withAccessCodeHash : REQUEST_WITH_RECORDS_SQL.public, [folio]);
    return rows.length > 0 ? requestWithRecords(rows[0]) : null;
  }

  /** The contract's views of records already read (see `requestByFolio`). */
  viewsOf(records: CaseRecord[], audience: CaseAudience = 'public'): CaseView[] {
    const now = this.clock.now();
    return records.map((r) => toCaseView(r, now, audience));
  }

  async byFolio(folio: string, manager: EntityManager = this.cases.manager): Promise<Case[]> {
    return manager.find(Case, { where: { folio }, relations: { subject: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

function subjectRef(c: Case): SubjectRef {
  return { code: c.subjectCode, name: c.subject?.name ?? c.subjectCode };
}
