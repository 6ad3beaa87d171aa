import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Who did it: the staff member behind the request. */
export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditEntry {
  /** What was done, `noun.verb` (`user.deactivated`, `subject.updated`, `subjects.imported`…). */
  action: string;
  targetKind: 'user' | 'subject' | 'subjects' | 'calendar';
  targetId: string;
  /** What changed (before/after), never a password or a hash. */
  data?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  at: string;
  actor: { id: string | null; email: string };
  action: string;
  targetKind: string;
  targetId: string;
  data: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  targetKind?: string;
  targetId?: string;
  actorId?: string;
  /** From this instant on (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  to?: Date;
  limit: number;
  offset: number;
}

/**
 * The audit trail of administration: who did what, when. Written in the transaction of the
 * change it records, so a change is never without its event nor an event without its change.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_id, actor_email, action, target_kind, target_id, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.id, actor.email, entry.action, entry.targetKind, entry.targetId, JSON.stringify(entry.data ?? {})],
    );
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<{ items: AuditEventView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.action) where.push(`action = $${params.push(query.action)}`);
    if (query.targetKind) where.push(`target_kind = $${params.push(query.targetKind)}`);
    if (query.targetId) where.push(`target_id = $${params.push(query.targetId)}`);
    if (query.actorId) where.push(`actor_id = $${params.push(query.actorId)}`);
    if (query.from) where.push(`at >= $${params.push(query.from)}`);
    if (query.to) where.push(`at < $${params.push(query.to)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events ${filter}`, params);
    const rows: { id: string; at: Date; actorId: string | null; actorEmail: string; action: string; targetKind: string; targetId: string; data: Record<string, unknown> }[] =
      await this.dataSource.query(
        `SELECT id::text, at, actor_id AS "actorId", actor_email AS "actorEmail", action, target_kind AS "targetKind",
                target_id AS "targetId", data
           FROM audit_events ${filter} ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { id: r.actorId, email: r.actorEmail },
        action: r.action,
        targetKind: r.targetKind,
        targetId: r.targetId,
        data: r.data,
      })),
      total,
    };
  }

  /** Everyone who has an entry, for a filter by person (a handful of admins, not the staff). */
  async actors(): Promise<{ id: string; email: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (actor_id) actor_id::text AS id, actor_email AS email FROM audit_events
        WHERE actor_id IS NOT NULL ORDER BY actor_id, at DESC`,
    );
  }

  /** The kinds of entry the trail holds, for a filter by action. */
  async actions(): Promise<string[]> {
    const rows: { action: string }[] = await this.dataSource.query(`SELECT DISTINCT action FROM audit_events ORDER BY action`);
    return rows.map((r) => r.action);
  }
}
