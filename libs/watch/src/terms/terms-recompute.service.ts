import { Inject, Injectable, Logger } from '@nestjs/common';
import { LegalClock, LocalDate, localDateOf, SubjectCalendar } from '@ventanilla/calendar';
import { Case, CaseTerms, CaseWrites, SYSTEM } from '@ventanilla/cases';
import { OnJob, QUEUES } from '@ventanilla/queue';
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
    private readonly writes: CaseWrites,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.recomputeTerms })
  async run(data: RecomputeTermsData): Promise<RecomputeResult> {
    const scope = data.subjectCode ?? 'todos los sujetos obligados';
    const cause = data.date ? `el día inhábil ${data.date}` : 'el cambio de calendario';
    this.logger.log(`Recálculo de plazos por ${cause} (${scope}): inicia`);
    const total: RecomputeResult = { seen: 0, changed: 0 };
    let after = FIRST_ID;
    for (let batch = 1; ; batch++) {
      const result = await this.writes.run(async (w) => {
        // Open cases whose terms run over the declared day, or every open case of a subject whose
        // Saturdays or closing time changed.
        const cases = await w.lockMany({
          open: true,
          afterId: after,
          termsRunOver: data.date,
          subjectCode: data.subjectCode,
          limit: this.settings.recomputeBatch,
        });
        if (cases.length === 0) return { seen: 0, changed: 0, last: after };
        const { clock, calendar } = w.calendar;
        const changed: { case: Case; before: CaseTermDates; terms: CaseTerms }[] = [];
        for (const c of cases) {
          const subject = w.subjectCalendar(c.subject!);
          const before = termDates(c);
          // Settings changed: the office's days and hours decide the reception day too. Otherwise
          // received_on stays: a request is not received again when a past day turns inhábil.
          const receivedOn = data.date === null ? calendar.receptionDay(c.receivedAt, subject) : c.receivedOn;
          const next = recomputedTerms({ ...c, receivedOn }, data.date, clock, subject);
          if (receivedOn !== c.receivedOn || !sameTerms(before, next)) changed.push({ case: c, before, terms: { ...next, receivedOn } });
        }
        for (const x of changed) {
          w.event(x.case.id, 'terms_recomputed', SYSTEM, {
            nonBusinessDay: data.date,
            ...(data.date === null ? { calendarSettings: true } : {}),
            subjectCode: data.subjectCode,
            before: x.before,
            after: termDates(x.terms),
            ...(x.terms.receivedOn !== x.case.receivedOn ? { receivedOn: { before: x.case.receivedOn, after: x.terms.receivedOn } } : {}),
          });
        }
        await w.updateTerms(changed);
        await w.syncMilestones(changed.map((x) => x.case));
        return { seen: cases.length, changed: changed.length, last: cases[cases.length - 1].id };
      });
      if (result.seen === 0) break;
      after = result.last;
      total.seen += result.seen;
      total.changed += result.changed;
      this.logger.log(`Recálculo de plazos por ${cause}: lote ${batch}, ${total.seen} caso(s) revisado(s), ${total.changed} con plazos nuevos`);
    }
    this.logger.log(`Recálculo de plazos por ${cause} (${scope}): ${total.changed} de ${total.seen} caso(s) cambiaron`);
    return total;
  }
}

function termDates(c: CaseTermDates): CaseTermDates {
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
  c: Pick<Case, 'receivedOn' | 'extendedDueDate' | 'appealStatus' | 'appealDueDate' | 'appealFiledAt'>,
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
