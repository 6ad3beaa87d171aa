import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CaseEvent } from '@ventanilla/cases';
import { DataSource, Repository } from 'typeorm';

/** One step of a case's history as the officer reads it: when, who, what, and what was written. */
export interface ThreadEntry {
  at: string;
  type: string;
  /** `staff` names the account's email when it still exists. */
  actor: { kind: CaseEvent['actorKind']; email: string | null };
  /** What the person wrote with it: the clarification asked or answered, the reasons given. */
  text: string | null;
  /** The event's other facts, as catalogue keys with their values (`caso.dato.<key>`). */
  facts: { key: string; value: string }[];
}

/** Free texts each event type carries, in the order they read best. */
const TEXT_FIELDS = ['text', 'reason'];
/** Facts worth a line, by event data key; dates are formatted by the template. */
const FACT_FIELDS = ['extendedDueDate', 'toSubject', 'type', 'classificationRef', 'grounds', 'outcome', 'dueDate', 'complianceDueDate', 'fictaDueDate'];

/**
 * The whole history of one case, oldest first, from its append-only events (read-only: every
 * write goes through the workflow services). The staff case view lists only each event's type
 * and time; the page also shows what each one said.
 */
@Injectable()
export class CaseThread {
  constructor(
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
    private readonly dataSource: DataSource,
  ) {}

  async of(caseId: string): Promise<ThreadEntry[]> {
    const events = await this.events.find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    const staffIds = [...new Set(events.filter((e) => e.actorKind === 'staff' && e.actorId).map((e) => e.actorId!))];
    const emails = new Map<string, string>();
    if (staffIds.length > 0) {
      const rows: { id: string; email: string }[] = await this.dataSource.query(`SELECT id::text, email FROM users WHERE id::text = ANY($1)`, [staffIds]);
      for (const row of rows) emails.set(row.id, row.email);
    }
    return events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      actor: { kind: e.actorKind, email: e.actorId ? (emails.get(e.actorId) ?? null) : null },
      text: TEXT_FIELDS.map((k) => e.data?.[k]).find((v): v is string => typeof v === 'string' && v.length > 0) ?? null,
      facts: FACT_FIELDS.filter((k) => typeof e.data?.[k] === 'string' && e.data[k] !== '').map((k) => ({ key: k, value: e.data[k] as string })),
    }));
  }
}
