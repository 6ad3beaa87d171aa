import { Injectable } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { APPEAL_GROUNDS, APPEAL_OUTCOMES, AppealGround, AppealOutcome, Channel, CHANNELS, DELIVERY_FORMATS, DeliveryFormat } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { ReadReplica } from '@ventanilla/database';
import { AppError } from '@ventanilla/http';
import { SubjectsService } from '@ventanilla/subjects';
import { caseMeasuresSelect, toCaseMeasures } from '../shared/case-measures';
import { yearPeriod } from '../shared/period';
import { literal, oneDecimal } from '../shared/sql';
import { AnnualReport } from './annual-report';

const byValue = <T extends string>(values: readonly T[], prefix: string, column: string): string[] =>
  values.map((v) => `count(*) FILTER (WHERE ${column} = ${literal(v)})::int AS "${prefix}_${v}"`);

/**
 * Builds the Art. 48 report from the same measures as the statistics (one aggregate query over
 * the subject's cases of the year) plus what only the report needs.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  async report(subjectCode: string, requestedYear?: number): Promise<AnnualReport> {
    const today = localDateOf(this.clock.now());
    const currentYear = Number(today.slice(0, 4));
    // Art. 48 asks each January for the year before.
    const year = requestedYear ?? currentYear - 1;
    if (year > currentYear) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'year', message: `no puede ser posterior al año en curso (${currentYear})` }]);
    }
    const subject = await this.subjects.get(subjectCode);
    const { from, to } = yearPeriod(year);
    const [row]: Record<string, unknown>[] = await this.replica.query(
      `SELECT ${caseMeasuresSelect('$4')},
              count(*) FILTER (WHERE c.status = 'withdrawn')::int AS withdrawn,
              count(*) FILTER (WHERE c.status = 'clarification_requested')::int AS "awaitingClarification",
              ${oneDecimal(`avg(c.business_days_taken) FILTER (WHERE c.status = 'resolved')`)} AS "meanBusinessDays",
              count(*) FILTER (WHERE c.appeal_status = 'filed')::int AS "appealsPending",
              count(*) FILTER (WHERE c.appeal_status = 'decided')::int AS "appealsDecided",
              count(*) FILTER (WHERE c.appeal_status IS NOT NULL AND c.appeal_grounds <> ALL ($5::text[]))::int AS "groundOther",
              ${[
                ...byValue(DELIVERY_FORMATS, 'format', 'r.delivery_format'),
                ...byValue(CHANNELS, 'channel', 'c.channel'),
                ...byValue(APPEAL_OUTCOMES, 'appeal', 'c.appeal_outcome'),
                ...byValue(APPEAL_GROUNDS, 'ground', 'c.appeal_grounds'),
              ].join(',\n              ')}
         FROM cases c
         JOIN requests r ON r.id = c.request_id
        WHERE c.subject_code = $1 AND c.received_on BETWEEN $2::date AND $3::date`,
      [subject.code, from, to, today, APPEAL_GROUNDS],
    );
    const languages: { code: string; n: number }[] = await this.replica.query(
      `SELECT lower(r.language) AS code, count(*)::int AS n
         FROM cases c JOIN requests r ON r.id = c.request_id
        WHERE c.subject_code = $1 AND c.received_on BETWEEN $2::date AND $3::date
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [subject.code, from, to],
    );
    const m = toCaseMeasures(row);
    const n = (key: string): number => Number(row[key] ?? 0);
    const tally = <T extends string>(values: readonly T[], prefix: string) =>
      Object.fromEntries(values.map((v) => [v, n(`${prefix}_${v}`)])) as Record<T, number>;
    const r = m.byResolution;
    return {
      subject: { code: subject.code, name: subject.name, sector: subject.sector, departmentCode: subject.departmentCode, department: subject.department },
      year,
      from,
      to,
      asOf: today,
      requests: {
        total: m.received,
        byDeliveryFormat: tally<DeliveryFormat>(DELIVERY_FORMATS, 'format'),
        byChannel: tally<Channel>(CHANNELS, 'channel'),
        byLanguage: Object.fromEntries(languages.map((l) => [l.code, l.n])),
      },
      results: { ...r, transferred: m.transferred, withdrawn: n('withdrawn'), open: m.open },
      responseTimes: {
        resolved: m.resolved,
        onTime: m.resolvedOnTime,
        late: m.resolvedLate,
        medianBusinessDays: m.medianBusinessDays,
        p90BusinessDays: m.p90BusinessDays,
        meanBusinessDays: row.meanBusinessDays === null ? null : Number(row.meanBusinessDays),
      },
      pending: { total: m.open, overdue: m.overdue, awaitingClarification: n('awaitingClarification') },
      extended: { total: m.extended },
      rejected: {
        total: r.denied_reserved + r.denied_confidential + r.denied_no_clarification,
        denied_reserved: r.denied_reserved,
        denied_confidential: r.denied_confidential,
        denied_no_clarification: r.denied_no_clarification,
      },
      reservedOrConfidential: {
        total: r.denied_reserved + r.denied_confidential,
        reserved: r.denied_reserved,
        confidential: r.denied_confidential,
      },
      appeals: {
        total: m.appeals,
        pending: n('appealsPending'),
        decided: n('appealsDecided'),
        byOutcome: tally<AppealOutcome>(APPEAL_OUTCOMES, 'appeal'),
        byGround: { ...tally<AppealGround>(APPEAL_GROUNDS, 'ground'), other: n('groundOther') },
      },
    };
  }
}
