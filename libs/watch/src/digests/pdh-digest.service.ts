import { Inject, Injectable, Logger } from '@nestjs/common';
import { localDateOf } from '@ventanilla/calendar';
import { Clock, EnvDto } from '@ventanilla/config';
import { MailService } from '@ventanilla/mail';
import { messagesTo, NoticeRecipients } from '@ventanilla/notices';
import { OnJob, Outbox, QUEUES } from '@ventanilla/queue';
import { DataSource } from 'typeorm';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';

interface OverdueRow {
  caseId: string;
  folio: string;
  subjectName: string;
  termDueDate: string;
  total: number;
}

const DIGEST = 'pdh-overdue';
const FIRST_WINDOW_MS = 24 * 3600_000;

/**
 * The PDH monitors (users with role pdh_monitor, plus PDH_MONITOR_EMAILS) get every case that
 * became overdue since the last digest, and every active subject that nobody can reach ("sin UIP
 * registrada"). The window's end is stored in the transaction that enqueues the mails, so no
 * case is reported twice nor skipped, even with two workers.
 */
@Injectable()
export class PdhDigests {
  private readonly logger = new Logger(PdhDigests.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly recipients: NoticeRecipients,
    @Inject(EnvDto) private readonly config: EnvDto,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.pdhDigest })
  async send(): Promise<{ cases: number; unreachable: number; recipients: number }> {
    const to = this.clock.now();
    const result = await this.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO watch_digests (digest, covered_until) VALUES ($1, $2) ON CONFLICT (digest) DO NOTHING`, [
        DIGEST,
        new Date(to.getTime() - FIRST_WINDOW_MS).toISOString(),
      ]);
      const [{ from }]: { from: Date }[] = await tx.query(
        `SELECT covered_until AS "from" FROM watch_digests WHERE digest = $1 FOR UPDATE`,
        [DIGEST],
      );
      if (from.getTime() >= to.getTime()) return { cases: 0, unreachable: 0, recipients: 0 };
      // A case whose term moved and ran out again appears once.
      const rows: OverdueRow[] = await tx.query(
        `SELECT c.id AS "caseId", c.folio, s.name AS "subjectName", to_char(c.term_due_date, 'YYYY-MM-DD') AS "termDueDate",
                (count(*) OVER ())::int AS total
         FROM (SELECT DISTINCT case_id FROM case_events WHERE type = 'overdue' AND at > $1 AND at <= $2) e
         JOIN cases c ON c.id = e.case_id JOIN subjects s ON s.code = c.subject_code
         ORDER BY s.name, c.term_due_date, c.folio LIMIT $3`,
        // The PDH reads across every body: a longer list than a UIP's before "… y N más".
        [from.toISOString(), to.toISOString(), this.settings.digestListLimit * 4],
      );
      const unreachable = await this.recipients.unreachableSubjects(tx);
      const recipients = await this.recipients.pdhMonitors(tx);
      const total = rows[0]?.total ?? 0;
      const worthSending = total > 0 || unreachable.length > 0;
      if (worthSending && recipients.length > 0) {
        const data = {
          from: localDateOf(from),
          to: localDateOf(to),
          cases: rows.map(({ caseId, folio, subjectName, termDueDate }) => ({ caseId, folio, subjectName, termDueDate })),
          total,
          // All of them, not a sample: each is a body whose requests nobody hears of.
          unreachable,
          unreachableTotal: unreachable.length,
          statsUrl: `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/estadisticas`,
        };
        await this.mail.enqueue(tx, messagesTo(this.mail, recipients, `pdh-digest-${to.getTime()}`, 'pdh-digest', data));
      }
      await tx.query(`UPDATE watch_digests SET covered_until = $2 WHERE digest = $1`, [DIGEST, to.toISOString()]);
      return { cases: total, unreachable: unreachable.length, recipients: worthSending ? recipients.length : 0 };
    });
    this.outbox.wake();
    this.logger.log(
      `Resumen para la PDH: ${result.cases} solicitud(es) vencida(s), ${result.unreachable} sujeto(s) sin UIP registrada, ${result.recipients} destinatario(s)`,
    );
    return result;
  }
}
