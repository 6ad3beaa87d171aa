import { EntityManager } from 'typeorm';
import { ActorKind } from './case-event.entity';

export interface Actor {
  kind: ActorKind;
  id?: string | null;
}

export const REQUESTER: Actor = { kind: 'requester' };
export const SYSTEM: Actor = { kind: 'system' };

/** Appends one event to a case's history, in the caller's transaction. */
export async function appendEvent(
  manager: EntityManager,
  caseId: string,
  type: string,
  actor: Actor,
  at: Date,
  data: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(
    `INSERT INTO case_events (case_id, type, at, actor_kind, actor_id, data) VALUES ($1, $2, $3, $4, $5, $6)`,
    [caseId, type, at, actor.kind, actor.id ?? null, JSON.stringify(data)],
  );
}
