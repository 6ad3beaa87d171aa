import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, localDateOf } from '@ventanilla/calendar';
import { OPEN_CASE_SQL, overdueCaseSql } from '@ventanilla/cases';
import { Clock, EnvDto } from '@ventanilla/config';
import { MailService } from '@ventanilla/mail';
import { messagesTo, NoticeRecipients, reachableSql, staffCasePageUrl } from '@ventanilla/notices';
import { OnJob, Outbox, QUEUES } from '@ventanilla/queue';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

interface DigestRow {
  subjectCode: string;
  subjectName: string;
  caseId: string;
  folio: string;
  termDueDate: string;
  overdue: boolean;
  total: number;
}

interface DigestCase {
  folio: string;
  caseId: string;
  termDueDate: string;
  caseUrl: string;
}

interface SubjectDigest {
  name: string;
  dueSoon: DigestCase[];
  dueSoonTotal: number;
  overdue: DigestCase[];
  overdueTotal: number;
}

/**
 * Every morning, everyone who acts on a subject's cases (NoticeRecipients) gets what is due in
 * the next 7 days and what is already overdue. One mail per person, subject and day, none when
 * there is nothing to say.
 */
@Injectable()
export class SubjectDigests {
  private readonly logger = new Logger(SubjectDigests.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly recipients: NoticeRecipients,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.subjectDigest })
  async send(): Promise<{ subjects: number }> {
    const today = localDateOf(this.clock.now());
    const weekEnd = addDays(today, 6);
    // Open terms up to the week's end, read off the open-term index; each section capped per subject.
    const rows: DigestRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT c.subject_code AS "subjectCode", s.name AS "subjectName", c.id AS "caseId",
                c.folio, to_char(c.term_due_date, 'YYYY-MM-DD') AS "termDueDate", ${overdueCaseSql('$1::date')} AS overdue,
                row_number() OVER w AS n, (count(*) OVER (PARTITION BY c.subject_code, ${overdueCaseSql('$1::date')}))::int AS total
         FROM cases c JOIN subjects s ON s.code = c.subject_code
         WHERE ${OPEN_CASE_SQL} AND c.term_due_date <= $2::date AND ${reachableSql('s')}
         WINDOW w AS (PARTITION BY c.subject_code, ${overdueCaseSql('$1::date')} ORDER BY c.term_due_date, c.folio)
       ) x WHERE n <= $3 ORDER BY "subjectCode", "termDueDate", folio`,
      [today, weekEnd, this.settings.digestListLimit],
    );
    const digests = new Map<string, SubjectDigest>();
    for (const r of rows) {
      let d = digests.get(r.subjectCode);
      if (!d) {
        d = { name: r.subjectName, dueSoon: [], dueSoonTotal: 0, overdue: [], overdueTotal: 0 };
        digests.set(r.subjectCode, d);
      }
      const line = { folio: r.folio, caseId: r.caseId, termDueDate: r.termDueDate, caseUrl: staffCasePageUrl(this.config, r.caseId) };
      if (r.overdue) {
        d.overdue.push(line);
        d.overdueTotal = r.total;
      } else {
        d.dueSoon.push(line);
        d.dueSoonTotal = r.total;
      }
    }
    const sent = await this.dataSource.transaction(async (tx) => {
      const staff = await this.recipients.ofSubjects(tx, [...digests.keys()]);
      const mails = [...digests].flatMap(([code, d]) =>
        messagesTo(this.mail, staff.get(code) ?? [], `subject-digest-${code}-${today}`, 'subject-digest', {
          subjectName: d.name,
          date: today,
          dueSoon: d.dueSoon,
          dueSoonTotal: d.dueSoonTotal,
          overdue: d.overdue,
          overdueTotal: d.overdueTotal,
        }),
      );
      await this.mail.enqueue(tx, mails);
      return { subjects: [...digests.keys()].filter((code) => (staff.get(code) ?? []).length > 0).length, mails: mails.length };
    });
    this.outbox.wake();
    this.logger.log(`Resumen diario del ${today}: ${sent.subjects} sujeto(s) con solicitudes por vencer o vencidas, ${sent.mails} correo(s)`);
    return { subjects: sent.subjects };
  }
}
