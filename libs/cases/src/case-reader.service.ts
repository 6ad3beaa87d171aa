import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Clock } from '@ventanilla/config';
import { preparedQuery } from '@ventanilla/database';
import { EntityManager, Repository } from 'typeorm';
import { Case } from './case.entity';
import { CaseRecord, CaseView, toCaseView } from './case-view';
import { CaseAudience } from './document.entity';
import { CASE_EXTRAS_SQL, CaseExtrasJson, CaseJson, recordWithExtras, REQUEST_WITH_RECORDS_SQL, RequestRow, RequestWithRecords, requestWithRecords } from './request-records';

/** Loads cases with their subjects, links and events, and renders the contract's view. */
@Injectable()
export class CaseReader {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly clock: Clock,
  ) {}

  /** The records of cases already loaded: their subjects' names, linked cases, events and documents, in one query. */
  async records(list: Case[], manager: EntityManager = this.cases.manager): Promise<CaseRecord[]> {
    if (list.length === 0) return [];
    const rows: { id: string; extras: CaseExtrasJson }[] = await manager.query(CASE_EXTRAS_SQL, [list.map((c) => c.id)]);
    const extras = new Map(rows.map((r) => [r.id, r.extras]));
    return list.map((c) => recordWithExtras(c, extras.get(c.id) ?? NO_EXTRAS(c)));
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
    // Prepared by name: PostgreSQL plans it once per connection instead of on every lookup
    // (planning this query took longer than running it: ~1.7-8 ms against ~0.5 ms).
    const text = withAccessCodeHash ? REQUEST_WITH_RECORDS_SQL.withAccessCodeHash : REQUEST_WITH_RECORDS_SQL.public;
    const rows = await preparedQuery<RequestRow & { cases: CaseJson[] }>(manager, text, [folio]);
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

/** A case this manager cannot see (one written by a transaction not yet committed): its own subject, nothing else. */
const NO_EXTRAS = (c: Case): CaseExtrasJson => ({
  subject_name: c.subject?.name ?? c.subjectCode,
  transferred_to: null,
  transferred_from: null,
  events: [],
  documents: [],
});
