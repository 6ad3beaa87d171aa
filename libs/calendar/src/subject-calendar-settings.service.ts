import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { Subject, SubjectsService } from '@ventanilla/subjects';
import { DataSource } from 'typeorm';
import { SubjectCalendarSettingsView, UpdateSubjectCalendarDto } from './subject-calendar-settings.dto';

/** A body's own calendar: whether it works Saturdays and when its UIP closes. */
@Injectable()
export class SubjectCalendarSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async get(code: string): Promise<SubjectCalendarSettingsView> {
    return this.view(await this.subjects.get(code));
  }

  /** Only the given fields change; a trigger bumps calendar_revision, so every process sees it at once. */
  async update(code: string, dto: UpdateSubjectCalendarDto): Promise<SubjectCalendarSettingsView> {
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
    const [rows] = (await this.dataSource.query(
      `UPDATE subjects SET ${sets.join(', ')} WHERE code = $1
       RETURNING code, works_saturdays AS "worksSaturdays", closing_time AS "closingTime"`,
      params,
    )) as [Pick<Subject, 'code' | 'worksSaturdays' | 'closingTime'>[], number];
    if (rows.length === 0) {
      throw AppError.notFound({ es: `No existe el sujeto obligado ${code}.`, en: `There is no obligated subject ${code}.` });
    }
    return this.view(rows[0]);
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
