import { EntityManager } from 'typeorm';
import { ActorKind } from './case-event.entity';

export interface Actor {
  kind: ActorKind;
  id?: string | null;
}

export const REQUESTER: Actor = { kind: 'requester' };
export const SYSTEM: Actor = { kind: 'system' };

/** One entry to add to a case's history. */
export interface NewCaseEvent {
  caseId: string;
  type: string;
  actor: Actor;
  at: Date;
  data?: Record<string, unknown>;
}

/**
 * The one way a case's history grows (the table refuses updates and deletes): any number of
 * events, of one case or many, in one statement of the caller's transaction. Ordinality keeps
 * them in the order given, so each case's history reads in the order things happened.
 */
export async function appendEvents(manager: EntityManager, events: readonly NewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO case_events (case_id, type, at, actor_kind, actor_id, data)
     SELECT case_id, type, at, actor_kind, actor_id, data
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::jsonb[])
       WITH ORDINALITY AS x(case_id, type, at, actor_kind, actor_id, data, n)
     ORDER BY n`,
    [
      events.map((e) => e.caseId),
      events.map((e) => e.type),
      events.map((e) => e.at.toISOString()),
      events.map((e) => e.actor.kind),
      events.map((e) => e.actor.id ?? null),
      events.map((e) => JSON.stringify(e.data ?? {})),
    ],
  );
}
