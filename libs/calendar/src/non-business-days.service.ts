import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@ventanilla/audit';
import { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { Outbox, QUEUES } from '@ventanilla/queue';
import { SubjectsService } from '@ventanilla/subjects';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service';
import { addDays, localDateOf, NonBusinessDay } from './law';
import { DeclareNonBusinessDayDto } from './non-business-days.dto';

/** A row of non_business_days: a día inhábil declared for everyone (subjectCode null) or for one body. */
export interface DeclaredNonBusinessDay {
  id: number;
  date: string;
  name: string;
  subjectCode: string | null;
  createdAt: Date;
}

/** Who declares the day: logged, and the author of its audit event. */
export interface CalendarActor {
  id: string;
  email: string;
}

@Injectable()
export class NonBusinessDaysService {
  private readonly logger = new Logger(NonBusinessDaysService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** Holidays and declared days of a year (the current Guatemalan year by default), sorted by date. */
  async list(year: number | undefined, subjectCode?: string): Promise<NonBusinessDay[]> {
    const subject = subjectCode === undefined ? undefined : await this.subjects.get(subjectCode);
    const { calendar } = await this.calendar.current();
    const wanted = year ?? Number(localDateOf(this.clock.now()).slice(0, 4));
    return calendar
      .nonBusinessDays(wanted, subject && this.calendar.subjectCalendar(subject))
      .map(({ date, name, kind }) => ({ date, name, kind }));
  }

  /**
   * Declares a día inhábil in one transaction; the insert's trigger bumps calendar_revision, so
   * the next term any process computes already skips it. A duplicate (same date, same subject or
   * both global) is CONFLICT and writes nothing.
   */
  async declare(dto: DeclareNonBusinessDayDto, actor: CalendarActor): Promise<DeclaredNonBusinessDay> {
    const subjectCode = dto.subjectCode ?? null;
    if (subjectCode !== null) await this.subjects.requireActive([subjectCode], 'subjectCode');
    const row = await this.dataSource.transaction(async (manager) => {
      const declared = await this.insert(manager, dto.date, dto.name, subjectCode);
      await this.changed(manager, actor, declared, 'declared');
      return declared;
    });
    this.outbox.wake();
    this.logger.log(
      { nonBusinessDay: row, actor: { id: actor.id, email: actor.email } },
      `Día inhábil declarado: ${row.date} ${row.subjectCode ?? '(todos)'}`,
    );
    return row;
  }

  /** The days declared for a year, for everyone and for single bodies, by date (what an admin may review or remove). */
  async declaredIn(year: number): Promise<DeclaredNonBusinessDay[]> {
    return this.dataSource.query(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, name, subject_code AS "subjectCode", created_at AS "createdAt"
         FROM non_business_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)
        ORDER BY date, subject_code NULLS FIRST`,
      [year],
    );
  }

  async find(id: number): Promise<DeclaredNonBusinessDay | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, name, subject_code AS "subjectCode", created_at AS "createdAt" FROM non_business_days WHERE id = $1`,
      [id],
    )) as DeclaredNonBusinessDay[];
    return row ?? null;
  }

  /**
   * The first day a declaration may still be withdrawn: tomorrow in Guatemala. A day that has
   * begun has already counted — reminders went out, terms ran over it — so it stays.
   */
  firstRemovableDate(): string {
    return addDays(localDateOf(this.clock.now()), 1);
  }

  /**
   * Withdraws a declaration made by mistake, only for a day still to come; the terms of the open
   * cases that ran over it are recomputed after commit, as when a day is declared.
   */
  async remove(id: number, actor: CalendarActor): Promise<DeclaredNonBusinessDay> {
    const row = await this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, name, subject_code AS "subjectCode", created_at AS "createdAt"
           FROM non_business_days WHERE id = $1 FOR UPDATE`,
        [id],
      )) as DeclaredNonBusinessDay[];
      if (!found) throw AppError.notFound({ es: 'No existe ese día declarado inhábil.', en: 'There is no such declared non-business day.' });
      if (found.date < this.firstRemovableDate()) {
        throw new AppError('CONFLICT', {
          es: `El ${found.date} ya llegó o pasó: sus efectos en los plazos ya corrieron y no se puede quitar.`,
          en: `${found.date} has begun or passed: it has already counted in the terms and cannot be removed.`,
        });
      }
      await manager.query(`DELETE FROM non_business_days WHERE id = $1`, [id]);
      await this.changed(manager, actor, found, 'removed');
      return found;
    });
    this.outbox.wake();
    this.logger.log({ nonBusinessDay: row, actor: { id: actor.id, email: actor.email } }, `Día inhábil quitado: ${row.date} ${row.subjectCode ?? '(todos)'}`);
    return row;
  }

  /**
   * The API's way to the same withdrawal: the declaration of `date` for `subjectCode` (null: the
   * one for everyone), removed by `remove`, so its rules, audit entry and recomputation are the
   * admin page's.
   */
  async removeOn(date: string, subjectCode: string | null, actor: CalendarActor): Promise<DeclaredNonBusinessDay> {
    const [found] = (await this.dataSource.query(
      `SELECT id FROM non_business_days WHERE date = $1 AND coalesce(subject_code, '') = coalesce($2::text, '')`,
      [date, subjectCode],
    )) as { id: number }[];
    if (!found) {
      const scope = subjectCode === null ? { es: 'para todos', en: 'for everyone' } : { es: `para ${subjectCode}`, en: `for ${subjectCode}` };
      throw AppError.notFound({
        es: `El ${date} no está declarado inhábil ${scope.es}.`,
        en: `${date} is not declared a non-business day ${scope.en}.`,
      });
    }
    return this.remove(found.id, actor);
  }

  private async insert(manager: EntityManager, date: string, name: string, subjectCode: string | null): Promise<DeclaredNonBusinessDay> {
    const rows = (await manager.query(
      `INSERT INTO non_business_days (date, name, subject_code) VALUES ($1, $2, $3)
       ON CONFLICT (date, coalesce(subject_code, '')) DO NOTHING
       RETURNING id, to_char(date, 'YYYY-MM-DD') AS date, name, subject_code AS "subjectCode", created_at AS "createdAt"`,
      [date, name, subjectCode],
    )) as DeclaredNonBusinessDay[];
    if (rows.length === 0) {
      const scope = subjectCode === null ? { es: 'para todos', en: 'for everyone' } : { es: `para ${subjectCode}`, en: `for ${subjectCode}` };
      throw new AppError('CONFLICT', {
        es: `El ${date} ya está declarado inhábil ${scope.es}.`,
        en: `${date} is already declared a non-business day ${scope.en}.`,
      });
    }
    return rows[0];
  }

  /**
   * What follows a day declared or removed, in its transaction: the terms of the open cases it
   * touches move (the watch recomputes them after commit), and the audit log says who did it.
   */
  private async changed(manager: EntityManager, actor: CalendarActor, day: DeclaredNonBusinessDay, change: 'declared' | 'removed'): Promise<void> {
    await this.outbox.add(manager, [
      {
        queue: QUEUES.watch.name,
        job: QUEUES.watch.jobs.recomputeTerms,
        jobId: change === 'declared' ? `recompute-terms-${day.id}` : `recompute-terms-removed-${day.id}`,
        payload: { date: day.date, subjectCode: day.subjectCode },
      },
    ]);
    await this.audit.record(manager, actor, {
      action: `calendar.non_business_day_${change}`,
      targetKind: 'calendar',
      targetId: String(day.id),
      data: { date: day.date, name: day.name, subjectCode: day.subjectCode },
    });
  }
}
