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
  const params: unknown[] = [];
  await manager.query(`${appendEventsSql(events, (value) => `$${params.push(value)}`)} ORDER BY n`, params);
}

/**
 * `appendEvents`' statement, its values bound through `bind` (which answers each one's
 * placeholder): a caller that writes events with other rows in one statement (a filing: the
 * request, its cases and their first events) runs it as one of its steps, adding its own
 * `WHERE` and the `ORDER BY n` that keeps the order given.
 */
export function appendEventsSql(events: readonly NewCaseEvent[], bind: (value: unknown) => string): string {
  return `INSERT INTO case_events (case_id, type, at, actor_kind, actor_id, data)
     SELECT case_id, type, at, actor_kind, actor_id, data
     FROM unnest(${bind(events.map((e) => e.caseId))}::uuid[], ${bind(events.map((e) => e.type))}::text[],
       ${bind(events.map((e) => e.at.toISOString()))}::timestamptz[], ${bind(events.map((e) => e.actor.kind))}::text[],
       ${bind(events.map((e) => e.actor.id ?? null))}::text[], ${bind(events.map((e) => JSON.stringify(e.data ?? {})))}::jsonb[])
       WITH ORDINALITY AS x(case_id, type, at, actor_kind, actor_id, data, n)`;
}
