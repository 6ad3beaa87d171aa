import { Inject, Injectable, Logger } from '@nestjs/common';
import { BusinessCalendar, CalendarService, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import {
  Case,
  CaseWrite,
  CaseWrites,
  MILESTONE_EVENTS,
  milestoneApplies,
  MilestoneJobData,
  milestoneJobId,
  MilestoneKind,
  noticeLanguage,
  SYSTEM,
  termDueDate,
} from '@ventanilla/cases';
import { Clock, EnvDto } from '@ventanilla/config';
import { MailData, MailJob, MailService, StaffCaseRef } from '@ventanilla/mail';
import { messagesTo, NoticeRecipients, requestPageUrl, staffCasePageUrl } from '@ventanilla/notices';
import { OnJob, QUEUES } from '@ventanilla/queue';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';

export interface FireResult {
  fired: number;
  skipped: number;
}

export type JobOutcome = FireResult | { stale: true } | { early: true };

interface DueRow {
  case_id: string;
  kind: MilestoneKind;
  due_at: Date;
}

/**
 * Runs the effect of each due milestone once. The row's `done_at` is claimed in the same
 * transaction that writes the case's event and enqueues its mails, under the case's row lock;
 * the mails' keys derive from case, kind and due instant, so even a replayed effect sends nothing
 * twice. Both the delayed BullMQ job and the sweep come here.
 */
@Injectable()
export class MilestoneEffects {
  private readonly logger = new Logger(MilestoneEffects.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: CaseWrites,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly recipients: NoticeRecipients,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /** The delayed BullMQ job of one milestone. */
  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.milestone })
  async onMilestoneJob(data: MilestoneJobData, job: Job): Promise<JobOutcome> {
    const outcome = await this.fireJob(data);
    if ('early' in outcome && job.token) {
      // Redis and this host disagree on the time by a little: wait for the due instant itself.
      await job.moveToDelayed(new Date(data.dueAt).getTime(), job.token);
      throw new DelayedError();
    }
    return outcome;
  }

  /** One milestone's effect: stale once its row moved or was canceled; early if it fired too soon. */
  async fireJob(data: MilestoneJobData): Promise<JobOutcome> {
    const now = this.clock.now();
    const dueAt = new Date(data.dueAt);
    if (dueAt.getTime() > now.getTime()) return { early: true };
    const pending: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_milestones
       WHERE case_id = $1 AND kind = $2 AND due_at = $3 AND done_at IS NULL AND canceled_at IS NULL`,
      [data.caseId, data.kind, dueAt.toISOString()],
    );
    if (pending.length === 0) return { stale: true };
    return this.writes.run(async (w) => this.fireDue(w, await w.lockMany({ ids: [data.caseId] })), { now });
  }

  /**
   * Fires every due milestone of the given cases (locked in `w`), oldest first, after bringing
   * their milestones in line with their current state.
   */
  async fireDue(w: CaseWrite, cases: Case[]): Promise<FireResult> {
    if (cases.length === 0) return { fired: 0, skipped: 0 };
    const { tx, now } = w;
    const { calendar } = w.calendar;
    const subjectOf = (c: Case): SubjectCalendar => w.subjectCalendar(c.subject!);
    // Self-healing: a change that bypassed CaseActions still gets its milestones right before they fire.
    await w.syncMilestones(cases);
    const due: DueRow[] = await tx.query(
      `SELECT case_id, kind, due_at FROM case_milestones
       WHERE case_id = ANY($1::uuid[]) AND due_at <= $2 AND done_at IS NULL AND canceled_at IS NULL
       ORDER BY due_at, case_id`,
      [cases.map((c) => c.id), now.toISOString()],
    );
    const byId = new Map(cases.map((c) => [c.id, c]));
    const outcomes = due.map((row) => ({ row, applies: milestoneApplies(row.kind, byId.get(row.case_id)!, now) }));
    // TypeORM answers an UPDATE with [rows, count].
    const [claimed]: [{ case_id: string; kind: string }[], number] = outcomes.length
      ? await tx.query(
          `UPDATE case_milestones m SET done_at = $4, outcome = x.outcome
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $5::text[]) AS x(case_id, kind, due_at, outcome)
           WHERE m.case_id = x.case_id AND m.kind = x.kind AND m.due_at = x.due_at
             AND m.done_at IS NULL AND m.canceled_at IS NULL
           RETURNING m.case_id, m.kind`,
          [
            outcomes.map((o) => o.row.case_id),
            outcomes.map((o) => o.row.kind),
            outcomes.map((o) => o.row.due_at.toISOString()),
            now.toISOString(),
            outcomes.map((o) => (o.applies ? 'fired' : 'skipped')),
          ],
        )
      : [[], 0];
    const won = new Set(claimed.map((r) => `${r.case_id}/${r.kind}`));
    // Everyone to tell, per subject, read once for the batch under the same transaction.
    const codes = won.size > 0 ? [...new Set(cases.map((c) => c.subjectCode))] : [];
    const staff: StaffOf = { uip: await this.recipients.ofSubjects(tx, codes, 'uip'), appeal: await this.recipients.ofSubjects(tx, codes, 'appeal') };
    let fired = 0;
    for (const { row, applies } of outcomes) {
      if (!applies || !won.has(`${row.case_id}/${row.kind}`)) continue;
      fired++;
      const c = byId.get(row.case_id)!;
      const type = MILESTONE_EVENTS[row.kind];
      // In due order: each case's history reads in the order its milestones fell.
      if (type) w.event(c.id, type, SYSTEM, eventData(row.kind, c));
      w.mail(...this.mails(row, c, staff, calendar, subjectOf(c), now));
    }
    const result = { fired, skipped: claimed.length - fired };
    if (claimed.length > 0) this.logger.debug(`Hitos atendidos: ${result.fired} con efecto, ${result.skipped} omitidos`);
    return result;
  }

  private mails(row: DueRow, c: Case, staff: StaffOf, calendar: BusinessCalendar, subject: SubjectCalendar, now: Date): MailJob[] {
    const base = milestoneJobId(c.id, row.kind, row.due_at);
    const terms = this.calendar.terms;
    const toStaff = <T extends StaffTemplate>(audience: keyof StaffOf, template: T, data: Omit<MailData<T>, StaffRefField>): MailJob[] =>
      messagesTo(this.mail, staff[audience].get(c.subjectCode) ?? [], `${base}-staff`, template, {
        subjectName: c.subject!.name,
        folio: c.folio,
        caseId: c.id,
        caseUrl: staffCasePageUrl(this.config, c.id),
        language: noticeLanguage(c.request!.language),
        terms,
        ...data,
      } as MailData<T>);
    const requester = c.request!.requesterEmail;
    const toRequester = {
      requesterName: c.request!.requesterName,
      folio: c.folio,
      subjectName: c.subject!.name,
      followUrl: requestPageUrl(this.config, c.folio),
    };
    const requesterKey = `${base}-requester`;
    const term = termDueDate(c);
    const out: MailJob[] = [];
    switch (row.kind) {
      case 'reminder':
      case 'last_day': {
        const businessDaysLeft = calendar.businessDaysBetween(localDateOf(now), term, subject);
        out.push(...toStaff('uip', 'term-reminder', { termDueDate: term, businessDaysLeft }));
        break;
      }
      case 'extension_window':
        out.push(...toStaff('uip', 'extension-window', { dueDate: c.dueDate }));
        break;
      case 'overdue':
        out.push(...toStaff('uip', 'case-overdue-uip', { termDueDate: term, fictaDueDate: c.fictaDueDate }));
        if (requester) {
          out.push(
            this.mail.message(requesterKey, requester, 'case-overdue-requester', { ...toRequester, termDueDate: term, fictaDueDate: c.fictaDueDate, terms }),
          );
        }
        break;
      case 'ficta':
        out.push(...toStaff('uip', 'ficta-expired-uip', { fictaDueDate: c.fictaDueDate }));
        if (requester) {
          out.push(this.mail.message(requesterKey, requester, 'ficta-expired-requester', { ...toRequester, fictaDueDate: c.fictaDueDate }));
        }
        break;
      case 'appeal_decision':
        if (!c.appealDueDate) break;
        // The decision term concerns the máxima autoridad above all (Art. 58).
        out.push(...toStaff('appeal', 'appeal-overdue-staff', { appealDueDate: c.appealDueDate }));
        if (requester) {
          out.push(this.mail.message(requesterKey, requester, 'appeal-overdue', { ...toRequester, appealDueDate: c.appealDueDate }));
        }
        break;
    }
    return out;
  }
}

/** The staff notices' recipients of a batch, per audience and subject. */
interface StaffOf {
  uip: Map<string, string[]>;
  appeal: Map<string, string[]>;
}

type StaffTemplate = 'term-reminder' | 'extension-window' | 'case-overdue-uip' | 'ficta-expired-uip' | 'appeal-overdue-staff';
type StaffRefField = keyof StaffCaseRef | 'terms';

function eventData(kind: MilestoneKind, c: Case): Record<string, unknown> {
  switch (kind) {
    case 'overdue':
      return { termDueDate: termDueDate(c), fictaDueDate: c.fictaDueDate };
    case 'ficta':
      return { fictaDueDate: c.fictaDueDate };
    case 'appeal_decision':
      return { appealDueDate: c.appealDueDate };
    default:
      return {};
  }
}
