import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService, LegalClock, LocalDate, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { milestoneSettings, OPEN_CASE_SQL, syncMilestones } from '@ventanilla/cases';
import { Clock, EnvDto } from '@ventanilla/config';
import { Outbox } from '@ventanilla/queue';
import { DataSource } from 'typeorm';
import { lockWatchedCases, WatchedCase } from '../milestones/watched-case';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

export interface RecomputeTermsData {
  /** The día inhábil just declared ('YYYY-MM-DD'); null when a subject's calendar settings changed. */
  date: LocalDate | null;
  /** Declared for one body only (or that body's settings changed); null for everyone. */
  subjectCode: string | null;
}

export interface CaseTermDates {
  dueDate: LocalDate;
  extendedDueDate: LocalDate | null;
  fictaDueDate: LocalDate;
  appealDueDate: LocalDate | null;
}

export interface RecomputeResult {
  seen: number;
  changed: number;
}

// Open cases whose terms run over the declared day, or every open case of a subject whose
// Saturdays or closing time changed. received_on stays: a request is not received again when a
// past day turns inhábil or the office's hours change.
const TOUCHED = `${OPEN_CASE_SQL} AND c.id > $1
  AND ($2::date IS NULL OR (c.received_on < $2::date AND ($2::date <= c.ficta_due_date OR $2::date <= c.appeal_due_date)))
  AND ($3::text IS NULL OR c.subject_code = $3)`;

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A newly declared día inhábil moves the terms of the open cases it falls in: each one's due
 * dates are recomputed from its reception day on the new calendar, recorded as a
 * `terms_recomputed` event (before/after), and its milestones rescheduled. Closed cases
 * (resolved, transferred, withdrawn) keep their history. Idempotent: a second run changes nothing.
 */
@Injectable()
export class TermsRecompute {
  private readonly logger = new Logger(TermsRecompute.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async run(data: RecomputeTermsData): Promise<RecomputeResult> {
    const scope = data.subjectCode ?? 'todos los sujetos obligados';
    const cause = data.date ? `el día inhábil ${data.date}` : 'el cambio de calendario';
    this.logger.log(`Recálculo de plazos por ${cause} (${scope}): inicia`);
    const total: RecomputeResult = { seen: 0, changed: 0 };
    let after = FIRST_ID;
    for (let batch = 1; ; batch++) {
      const result = await this.dataSource.transaction(async (tx) => {
        const cases = await lockWatchedCases(tx, TOUCHED, [after, data.date, data.subjectCode], {
          tail: `ORDER BY c.id LIMIT ${this.settings.recomputeBatch}`,
        });
        if (cases.length === 0) return { seen: 0, changed: 0, last: after };
        const { clock, calendar } = await this.calendar.current(tx);
        const now = this.clock.now();
        const changed: { c: WatchedCase; before: CaseTermDates; after: CaseTermDates; receivedOn: LocalDate; subject: SubjectCalendar }[] = [];
        for (const c of cases) {
          const subject = this.calendar.subjectCalendar(c.subject);
          const before = termDates(c);
          // Settings changed: the office's days and hours decide the reception day too.
          const receivedOn = data.date === null ? calendar.receptionDay(c.receivedAt, subject) : c.receivedOn;
          const next = recomputedTerms({ ...c, receivedOn }, data.date, clock, subject);
          if (receivedOn !== c.receivedOn || !sameTerms(before, next)) changed.push({ c, before, after: next, receivedOn, subject });
        }
        if (changed.length > 0) {
          await tx.query(
            `UPDATE cases c SET received_on = x.received, due_date = x.due, extended_due_date = x.extended, ficta_due_date = x.ficta,
               appeal_due_date = x.appeal, version = c.version + 1, updated_at = $6
             FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[], $5::date[], $7::date[]) AS x(id, due, extended, ficta, appeal, received)
             WHERE c.id = x.id`,
            [
              changed.map((x) => x.c.id),
              changed.map((x) => x.after.dueDate),
              changed.map((x) => x.after.extendedDueDate),
              changed.map((x) => x.after.fictaDueDate),
              changed.map((x) => x.after.appealDueDate),
              now.toISOString(),
              changed.map((x) => x.receivedOn),
            ],
          );
          await tx.query(
            `INSERT INTO case_events (case_id, type, at, actor_kind, data)
             SELECT id, 'terms_recomputed', $3, 'system', data FROM unnest($1::uuid[], $2::jsonb[]) AS x(id, data)`,
            [
              changed.map((x) => x.c.id),
              changed.map((x) =>
                JSON.stringify({
                  nonBusinessDay: data.date,
                  ...(data.date === null ? { calendarSettings: true } : {}),
                  subjectCode: data.subjectCode,
                  before: x.before,
                  after: x.after,
                  ...(x.receivedOn !== x.c.receivedOn ? { receivedOn: { before: x.c.receivedOn, after: x.receivedOn } } : {}),
                }),
              ),
              now.toISOString(),
            ],
          );
          const targets = changed.map((x) => ({ id: x.c.id, state: { ...x.c, ...x.after, receivedOn: x.receivedOn }, subject: x.subject }));
          await this.outbox.add(tx, await syncMilestones(tx, targets, calendar, now, milestoneSettings(this.config)));
        }
        return { seen: cases.length, changed: changed.length, last: cases[cases.length - 1].id };
      });
      if (result.seen === 0) break;
      after = result.last;
      total.seen += result.seen;
      total.changed += result.changed;
      this.outbox.wake();
      this.logger.log(`Recálculo de plazos por ${cause}: lote ${batch}, ${total.seen} caso(s) revisado(s), ${total.changed} con plazos nuevos`);
    }
    this.logger.log(`Recálculo de plazos por ${cause} (${scope}): ${total.changed} de ${total.seen} caso(s) cambiaron`);
    return total;
  }
}

function termDates(c: WatchedCase): CaseTermDates {
  return { dueDate: c.dueDate, extendedDueDate: c.extendedDueDate, fictaDueDate: c.fictaDueDate, appealDueDate: c.appealDueDate };
}

function sameTerms(a: CaseTermDates, b: CaseTermDates): boolean {
  return a.dueDate === b.dueDate && a.extendedDueDate === b.extendedDueDate && a.fictaDueDate === b.fictaDueDate && a.appealDueDate === b.appealDueDate;
}

/**
 * The case's terms on the current calendar, counted as when they were first set: the due date
 * from the reception day, the extension from the due date, the afirmativa ficta from the term that
 * applies, and the appeal decision from its filing day (only when the declared day falls in it;
 * always when the subject's settings changed, `declared` null).
 */
export function recomputedTerms(
  c: Pick<WatchedCase, 'receivedOn' | 'extendedDueDate' | 'appealStatus' | 'appealDueDate' | 'appealFiledAt'>,
  declared: LocalDate | null,
  clock: LegalClock,
  subject: SubjectCalendar,
): CaseTermDates {
  const dueDate = clock.dueDate(c.receivedOn, subject);
  const extendedDueDate = c.extendedDueDate === null ? null : clock.extendedDueDate(dueDate, subject);
  const fictaDueDate = clock.fictaDueDate(extendedDueDate ?? dueDate, subject);
  let appealDueDate = c.appealDueDate;
  if (c.appealStatus === 'filed' && c.appealFiledAt && c.appealDueDate) {
    const filedOn = localDateOf(c.appealFiledAt);
    if (declared === null || (filedOn < declared && declared <= c.appealDueDate)) appealDueDate = clock.appealDecisionDueDate(filedOn, subject);
  }
  return { dueDate, extendedDueDate, fictaDueDate, appealDueDate };
}
