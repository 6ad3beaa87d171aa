import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@ventanilla/audit';
import { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { Outbox, QUEUES } from '@ventanilla/queue';
import { SubjectsService } from '@ventanilla/subjects';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service';
import { localDateOf, NonBusinessDay } from './law';
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
      // The terms of the open cases it touches move: the watch recomputes them after commit.
      await this.outbox.add(manager, [
        {
          queue: QUEUES.deadlines.name,
          job: QUEUES.deadlines.jobs.recomputeTerms,
          jobId: `recompute-terms-${declared.id}`,
          payload: { date: declared.date, subjectCode: declared.subjectCode },
        },
      ]);
      await this.audit.record(manager, actor, {
        action: 'calendar.non_business_day_declared',
        targetKind: 'calendar',
        targetId: String(declared.id),
        data: { date: declared.date, name: declared.name, subjectCode: declared.subjectCode },
      });
      return declared;
    });
    this.outbox.wake();
    this.logger.log(
      { nonBusinessDay: row, actor: { id: actor.id, email: actor.email } },
      `Día inhábil declarado: ${row.date} ${row.subjectCode ?? '(todos)'}`,
    );
    return row;
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
}
