import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ActorKind, CaseEvent } from '@ventanilla/cases';
import { Repository } from 'typeorm';

/** One step of a case's history as oversight reads it: when, by whom, what, and what was written. */
export interface HistoryEntry {
  at: string;
  type: string;
  actor: ActorKind;
  /** The text that came with it: the clarification asked or answered, a reason, a decision. */
  text: string | null;
}

/**
 * The whole history of a case, oldest first, from its append-only events (the case view keeps
 * only each event's type and time). Read-only: every write goes through the workflow services.
 */
@Injectable()
export class CaseHistory {
  constructor(@InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>) {}

  async of(caseId: string): Promise<HistoryEntry[]> {
    const events = await this.events.find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    return events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      actor: e.actorKind,
      text: ['text', 'reason'].map((k) => e.data?.[k]).find((v): v is string => typeof v === 'string' && v.length > 0) ?? null,
    }));
  }
}
