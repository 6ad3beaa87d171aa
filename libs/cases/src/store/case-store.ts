import { Injectable } from '@nestjs/common';
import { LocalDate } from '@ventanilla/calendar';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { appendEvents, NewCaseEvent } from '../case-events';
import { Case } from '../case.entity';
import { OPEN_CASE_SQL } from '../open-cases';

/**
 * Which cases to lock, as data: the store writes the SQL, every value is a bound parameter.
 * Conditions add up (AND); the batch is always taken in id order, so two writers that lock
 * overlapping batches take the locks in the same order.
 */
export interface CaseFilter {
  ids?: readonly string[];
  /** Only open cases (`OPEN_CASE_SQL`). */
  open?: boolean;
  subjectCode?: string | null;
  /** Keyset paging: only ids greater than this one. */
  afterId?: string;
  /**
   * Cases whose terms run over `day`: received before it, with the day on or before their
   * afirmativa ficta term or their appeal decision term (a día inhábil declared there moves them).
   */
  termsRunOver?: LocalDate | null;
  /**
   * The cases of the `limit` oldest milestones still pending at `at` (read off the partial
   * index), leaving out `except` before the limit, so cases already seen never crowd out the rest.
   */
  milestonesDue?: { at: Date; limit: number; except?: readonly string[] };
  /** At most this many cases. */
  limit?: number;
}

export interface LockOptions {
  /** Skip a case whose lock another transaction holds (it comes back in a later batch) instead of waiting. */
  skipLocked?: boolean;
}

/** The dates the law's terms put on a case; `termDueDate` follows from them (PostgreSQL generates it). */
export interface CaseTerms {
  receivedOn: LocalDate;
  dueDate: LocalDate;
  extendedDueDate: LocalDate | null;
  fictaDueDate: LocalDate;
  appealDueDate: LocalDate | null;
}

/**
 * The one place that locks, loads and writes cases. A case is always loaded as the entity with
 * its subject (calendar, name, UIP address) and its request (the requester's name, contact and
 * language), under its row lock, in the caller's transaction: every change to a case, its terms,
 * its history and its milestones happens under that lock, so an officer's action, a fired
 * milestone and a recompute on the same case take turns.
 */
@Injectable()
export class CaseStore {
  /** Locks and loads one case; null when there is none (or, with `skipLocked`, when another holds it). */
  async lock(tx: EntityManager, id: string, options: LockOptions = {}): Promise<Case | null> {
    const [c] = await this.lockMany(tx, { ids: [id] }, options);
    return c ?? null;
  }

  /** Locks and loads the cases the filter names, in id order. */
  lockMany(tx: EntityManager, filter: CaseFilter, options: LockOptions = {}): Promise<Case[]> {
    const qb = tx
      .createQueryBuilder(Case, 'c')
      .innerJoinAndSelect('c.subject', 's')
      .innerJoinAndSelect('c.request', 'r')
      .setLock('pessimistic_write', undefined, ['c'])
      .orderBy('c.id', 'ASC');
    if (options.skipLocked) qb.setOnLocked('skip_locked');
    applyFilter(qb, filter);
    return qb.getMany();
  }

  /** Writes the case's own columns (its version goes up: concurrent writers cannot both win). */
  async save(tx: EntityManager, c: Case): Promise<void> {
    await tx.save(Case, c);
  }

  /**
   * Moves the terms of many cases in one statement and brings the loaded entities in line
   * (version, updated_at, the generated term), so what runs after in the transaction reads them as stored.
   */
  async updateTerms(tx: EntityManager, changes: readonly { case: Case; terms: CaseTerms }[], now: Date): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `UPDATE cases c SET received_on = x.received, due_date = x.due, extended_due_date = x.extended, ficta_due_date = x.ficta,
         appeal_due_date = x.appeal, version = c.version + 1, updated_at = $7
       FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[], $5::date[], $6::date[]) AS x(id, received, due, extended, ficta, appeal)
       WHERE c.id = x.id`,
      [
        changes.map((x) => x.case.id),
        changes.map((x) => x.terms.receivedOn),
        changes.map((x) => x.terms.dueDate),
        changes.map((x) => x.terms.extendedDueDate),
        changes.map((x) => x.terms.fictaDueDate),
        changes.map((x) => x.terms.appealDueDate),
        now.toISOString(),
      ],
    );
    for (const { case: c, terms } of changes) {
      Object.assign(c, terms, { termDueDate: terms.extendedDueDate ?? terms.dueDate, version: c.version + 1, updatedAt: now });
    }
  }

  /** Adds events to the cases' histories (one statement). */
  appendEvents(tx: EntityManager, events: readonly NewCaseEvent[]): Promise<void> {
    return appendEvents(tx, events);
  }
}

function applyFilter(qb: SelectQueryBuilder<Case>, f: CaseFilter): void {
  if (f.ids) qb.andWhere('c.id = ANY(:ids::uuid[])', { ids: f.ids });
  if (f.open) qb.andWhere(OPEN_CASE_SQL);
  if (f.subjectCode) qb.andWhere('c.subject_code = :subjectCode', { subjectCode: f.subjectCode });
  if (f.afterId) qb.andWhere('c.id > :afterId::uuid', { afterId: f.afterId });
  if (f.termsRunOver) {
    qb.andWhere('c.received_on < :day::date AND (:day::date <= c.ficta_due_date OR :day::date <= c.appeal_due_date)', {
      day: f.termsRunOver,
    });
  }
  if (f.milestonesDue) {
    qb.andWhere(
      `c.id IN (SELECT m.case_id FROM case_milestones m
                WHERE m.due_at <= :dueAt AND m.done_at IS NULL AND m.canceled_at IS NULL AND m.case_id <> ALL(:dueExcept::uuid[])
                ORDER BY m.due_at LIMIT :dueLimit)`,
      { dueAt: f.milestonesDue.at.toISOString(), dueLimit: f.milestonesDue.limit, dueExcept: f.milestonesDue.except ?? [] },
    );
  }
  if (f.limit !== undefined) qb.limit(f.limit);
}
