import { BusinessCalendar, SubjectCalendar } from '@ventanilla/calendar';
import { OutboxEntry, QUEUES } from '@ventanilla/queue';
import { EntityManager } from 'typeorm';
import type { Case } from '../case.entity';
import { MilestoneCaseState, MilestoneKind, MilestoneSettings, planMilestones } from '../milestone-plan';

/**
 * The cases' rows of `case_milestones` and the watch's jobs that schedule them, written in the
 * change's transaction under the case's lock (`CaseWrite.syncMilestones`, and the births of
 * `CaseFactory`), from the plan (`../milestone-plan.ts`).
 */

/** One case to plan: its id, its current state and its body's calendar. */
export interface MilestoneTarget {
  id: string;
  state: MilestoneCaseState;
  subject: SubjectCalendar;
}

export function milestoneTarget(c: Case, subject: SubjectCalendar): MilestoneTarget {
  return {
    id: c.id,
    subject,
    state: {
      status: c.status,
      receivedOn: c.receivedOn,
      dueDate: c.dueDate,
      extendedDueDate: c.extendedDueDate ?? null,
      fictaDueDate: c.fictaDueDate,
      appealStatus: c.appealStatus ?? null,
      appealDueDate: c.appealDueDate ?? null,
    },
  };
}

/** The payload of the watch's `milestone` job. */
export interface MilestoneJobData {
  caseId: string;
  kind: MilestoneKind;
  /** ISO instant: the job is stale once the row's due_at differs. */
  dueAt: string;
}

interface ExistingRow {
  case_id: string;
  kind: MilestoneKind;
  due_at: Date;
  pending: boolean;
  canceled: boolean;
}

/**
 * Derived from case, kind and due instant: scheduling the same milestone twice is one BullMQ
 * job, and a rescheduled one gets a new id. No ':' (BullMQ refuses it in custom ids).
 */
export function milestoneJobId(caseId: string, kind: MilestoneKind, dueAt: Date): string {
  return `ms-${caseId}-${kind}-${dueAt.getTime()}`;
}

export function milestoneJob(caseId: string, kind: MilestoneKind, dueAt: Date): OutboxEntry {
  const payload: MilestoneJobData = { caseId, kind, dueAt: dueAt.toISOString() };
  return {
    queue: QUEUES.watch.name,
    job: QUEUES.watch.jobs.milestone,
    jobId: milestoneJobId(caseId, kind, dueAt),
    payload: { ...payload },
    runAt: dueAt,
  };
}

const DAY_MS = 86_400_000;

/**
 * Milestones due up to this instant get their delayed job now; later ones only their row, and
 * the daily top-up (libs/watch) schedules them as they come within reach. Redis then holds a
 * few days of milestones instead of every open case's five.
 */
export function scheduleHorizon(now: Date, settings: Pick<MilestoneSettings, 'scheduleHorizonDays'>): Date {
  return new Date(now.getTime() + settings.scheduleHorizonDays * DAY_MS);
}

/**
 * Brings the cases' rows of `case_milestones` in line with their current plan, in the caller's
 * transaction, and returns the outbox entries that schedule what changed: a delayed job per new
 * or moved milestone due within the horizon, and one job that removes the jobs of the moved or
 * canceled ones that may be in Redis.
 * The caller holds each case's row lock: every write to a case's milestones happens under it.
 * A milestone whose due instant did not change keeps its state (done stays done).
 */
export async function syncMilestones(
  tx: EntityManager,
  targets: MilestoneTarget[],
  calendar: BusinessCalendar,
  now: Date,
  settings: MilestoneSettings,
): Promise<OutboxEntry[]> {
  if (targets.length === 0) return [];
  const existing: ExistingRow[] = await tx.query(
    `SELECT case_id, kind, due_at, (done_at IS NULL AND canceled_at IS NULL) AS pending, canceled_at IS NOT NULL AS canceled
     FROM case_milestones WHERE case_id = ANY($1::uuid[])`,
    [targets.map((t) => t.id)],
  );
  const rows = new Map(existing.map((r) => [`${r.case_id}/${r.kind}`, r]));
  // Each case's own rows, so a batch (a sweep's 500 cases) reads its rows once, not once per case.
  const rowsOfCase = new Map<string, ExistingRow[]>();
  for (const r of existing) {
    const own = rowsOfCase.get(r.case_id);
    if (own) own.push(r);
    else rowsOfCase.set(r.case_id, [r]);
  }
  const horizon = scheduleHorizon(now, settings).getTime();
  // Only a milestone due within some process's horizon can have a job to remove (every job was
  // added by this sync or by the top-up, both bounded by the horizon); a day's margin covers
  // clocks that differ between processes. A resolved young case leaves Redis nothing to do.
  const mayHaveJob = (dueAt: Date) => dueAt.getTime() <= horizon + DAY_MS;
  const upserts: MilestoneRow[] = [];
  const cancels: { caseId: string; kind: string }[] = [];
  const unscheduled: string[] = [];

  for (const target of targets) {
    const planned = planMilestones(target.state, calendar, target.subject, settings);
    const kinds = new Set<string>();
    for (const { kind, dueAt } of planned) {
      kinds.add(kind);
      const row = rows.get(`${target.id}/${kind}`);
      if (row && row.due_at.getTime() === dueAt.getTime() && !row.canceled) continue;
      if (row?.pending && mayHaveJob(row.due_at)) unscheduled.push(milestoneJobId(target.id, kind, row.due_at));
      upserts.push({ caseId: target.id, kind, dueAt });
    }
    for (const row of rowsOfCase.get(target.id) ?? []) {
      if (kinds.has(row.kind) || !row.pending) continue;
      cancels.push({ caseId: row.case_id, kind: row.kind });
      if (mayHaveJob(row.due_at)) unscheduled.push(milestoneJobId(row.case_id, row.kind, row.due_at));
    }
  }

  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO case_milestones (case_id, kind, due_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
       ON CONFLICT (case_id, kind) DO UPDATE
         SET due_at = EXCLUDED.due_at, done_at = NULL, outcome = NULL, canceled_at = NULL`,
      [upserts.map((u) => u.caseId), upserts.map((u) => u.kind), upserts.map((u) => u.dueAt.toISOString())],
    );
  }
  if (cancels.length > 0) {
    await tx.query(
      `UPDATE case_milestones m SET canceled_at = $3
       FROM unnest($1::uuid[], $2::text[]) AS x(case_id, kind)
       WHERE m.case_id = x.case_id AND m.kind = x.kind AND m.done_at IS NULL AND m.canceled_at IS NULL`,
      [cancels.map((c) => c.caseId), cancels.map((c) => c.kind), now.toISOString()],
    );
  }
  return scheduleEntries(upserts, unscheduled, horizon);
}

/** A milestone row to write: its case, kind and due instant (pending). */
export interface MilestoneRow {
  caseId: string;
  kind: MilestoneKind;
  dueAt: Date;
}

/**
 * What `syncMilestones` writes for cases born in the caller's transaction, which have no
 * milestone yet — without reading any: their rows (the caller writes them with the cases, in
 * one statement) and the outbox entries that schedule them.
 */
export function newCaseMilestones(
  targets: MilestoneTarget[],
  calendar: BusinessCalendar,
  now: Date,
  settings: MilestoneSettings,
): { rows: MilestoneRow[]; entries: OutboxEntry[] } {
  const rows = targets.flatMap((t) => planMilestones(t.state, calendar, t.subject, settings).map(({ kind, dueAt }) => ({ caseId: t.id, kind, dueAt })));
  return { rows, entries: scheduleEntries(rows, [], scheduleHorizon(now, settings).getTime()) };
}

/**
 * The outbox entries for milestones just written: a delayed job per new or moved one due by
 * `horizon` (epoch ms), and one job removing the jobs of those moved or canceled. The one place
 * both paths above schedule.
 */
function scheduleEntries(upserts: MilestoneRow[], unscheduled: string[], horizon: number): OutboxEntry[] {
  const entries = upserts.filter((u) => u.dueAt.getTime() <= horizon).map((u) => milestoneJob(u.caseId, u.kind, u.dueAt));
  if (unscheduled.length > 0) {
    // Removing the old jobs goes through the outbox too, so it survives Redis being down; a job
    // that escapes removal finds its row moved or canceled and does nothing.
    entries.push({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.unschedule, payload: { jobIds: unscheduled } });
  }
  return entries;
}
