import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditActor, AuditLog } from '@ventanilla/audit';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { Outbox, QUEUES } from '@ventanilla/queue';
import { Subject, SubjectsService } from '@ventanilla/subjects';
import { DataSource } from 'typeorm';
import { SubjectCalendarSettingsView, UpdateSubjectCalendarDto } from './subject-calendar-settings.dto';

/** A body's own calendar: whether it works Saturdays and when its UIP closes. */
@Injectable()
export class SubjectCalendarSettingsService {
  private readonly logger = new Logger(SubjectCalendarSettingsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async get(code: string): Promise<SubjectCalendarSettingsView> {
    return this.view(await this.subjects.get(code));
  }

  /** The bodies whose calendar is not the usual one (they work Saturdays or close at their own time), by code. */
  async customized(): Promise<(SubjectCalendarSettingsView & { name: string })[]> {
    const rows: (Pick<Subject, 'code' | 'name' | 'worksSaturdays' | 'closingTime'>)[] = await this.dataSource.query(
      `SELECT code, name, works_saturdays AS "worksSaturdays", closing_time AS "closingTime" FROM subjects
        WHERE works_saturdays OR closing_time IS NOT NULL ORDER BY code`,
    );
    return rows.map((r) => ({ ...this.view(r), name: r.name }));
  }

  /**
   * Only the given fields change; a trigger bumps calendar_revision, so every process sees it at
   * once. When a setting really changed, the terms of the subject's open cases move as for a
   * declared día inhábil: the watch recomputes them after commit (same job, no day named).
   */
  async update(code: string, dto: UpdateSubjectCalendarDto, actor: AuditActor): Promise<SubjectCalendarSettingsView> {
    const sets: string[] = [];
    const params: unknown[] = [code.trim().toUpperCase()];
    if (dto.worksSaturdays !== undefined) {
      params.push(dto.worksSaturdays);
      sets.push(`works_saturdays = $${params.length}`);
    }
    if (dto.closingTime !== undefined) {
      params.push(dto.closingTime);
      sets.push(`closing_time = $${params.length}`);
    }
    if (sets.length === 0) return this.get(code);
    const result = await this.dataSource.transaction(async (tx) => {
      type Settings = Pick<Subject, 'code' | 'worksSaturdays' | 'closingTime'>;
      const before: Settings[] = await tx.query(
        `SELECT code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime" FROM subjects WHERE code = $1 FOR UPDATE`,
        [params[0]],
      );
      if (before.length === 0) {
        throw AppError.notFound({ es: `No existe el sujeto obligado ${code}.`, en: `There is no obligated subject ${code}.` });
      }
      const [rows] = (await tx.query(
        `UPDATE subjects SET ${sets.join(', ')} WHERE code = $1
         RETURNING code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime"`,
        params,
      )) as [Settings[], number];
      const after = rows[0];
      const changed = before[0].worksSaturdays !== after.worksSaturdays || before[0].closingTime !== after.closingTime;
      if (changed) {
        const [{ revision }]: { revision: string }[] = await tx.query(`SELECT revision::text AS revision FROM calendar_revision`);
        await this.outbox.add(tx, [
          {
            queue: QUEUES.watch.name,
            job: QUEUES.watch.jobs.recomputeTerms,
            jobId: `recompute-terms-settings-${after.code}-${revision}`,
            payload: { date: null, subjectCode: after.code },
          },
        ]);
        await this.audit.record(tx, actor, {
          action: 'calendar.subject_settings_updated',
          targetKind: 'subject',
          targetId: after.code,
          data: { before: { worksSaturdays: before[0].worksSaturdays, closingTime: before[0].closingTime }, after: { worksSaturdays: after.worksSaturdays, closingTime: after.closingTime } },
        });
      }
      return { after, changed };
    });
    if (result.changed) {
      this.outbox.wake();
      this.logger.log(`Calendario de ${result.after.code} cambiado: se recalculan los plazos de sus casos abiertos`);
    }
    return this.view(result.after);
  }

  private view(subject: Pick<Subject, 'code' | 'worksSaturdays' | 'closingTime'>): SubjectCalendarSettingsView {
    return {
      subjectCode: subject.code,
      worksSaturdays: subject.worksSaturdays,
      closingTime: subject.closingTime,
      effectiveClosingTime: subject.closingTime ?? this.config.DEFAULT_CLOSING_TIME,
    };
  }
}
