import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService, localDateOf } from '@ventanilla/calendar';
import { Actor, Case, CaseBirths, CaseFactory, CaseReader, CaseRecord, CaseView, Channel, NewRequest, noticeLanguage } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { MailJob, MailService } from '@ventanilla/mail';
import { messagesTo, recipientRowsSql, recipientsByCode, requestPageUrl, rolesOf, staffCasePageUrl } from '@ventanilla/notices';
import { preparedQuery } from '@ventanilla/database';
import { Outbox } from '@ventanilla/queue';
import { SubjectsService } from '@ventanilla/subjects';
import { RecipientLimit } from '@ventanilla/throttling';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashAccessCode } from './access-code-hash';
import { newAccessCode, newFolio } from './codes';
import { RequestContentDto } from './file-request.dto';
import { IdempotencyService } from './idempotency.service';

export interface FilingInput {
  subjects: string[];
  content: RequestContentDto;
  channel: Channel;
  /** When the body received it: now for the web, the real instant for in-person registrations. */
  receivedAt: Date;
  filedAt: Date;
  actor: Actor;
  registeredBy?: string | null;
  /** Where an unknown subject is reported (`subjects`, or the officer's own subject). */
  subjectsField?: string;
}

export interface FilingResult {
  folio: string;
  accessCode: string;
  filedAt: string;
  cases: CaseView[];
}

export interface IdempotentFiling {
  scope: string;
  key: string;
  bodyHash: string;
}

const FOLIO_ATTEMPTS = 5;

/**
 * Files a request: the request, one case per subject with its terms, their first events and
 * milestones, and the mails, in one statement (atomic by itself); with a key, the idempotent
 * answer joins it in one transaction. The outbox relays the mails after commit, so filing works
 * while Redis is down. The hot path's round trips: one read (the revisions and the notices'
 * recipients) and the write (the catalog and the calendar come from caches checked against
 * those revisions).
 */
@Injectable()
export class FilingService {
  private readonly logger = new Logger(FilingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    private readonly cases: CaseFactory,
    private readonly reader: CaseReader,
    private readonly mail: MailService,
    private readonly outbox: Outbox,
    private readonly idempotency: IdempotencyService,
    private readonly recipients: RecipientLimit,
    private readonly calendar: CalendarService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async file(input: FilingInput, idempotent?: IdempotentFiling): Promise<FilingResult> {
    if (idempotent) {
      const stored = await this.idempotency.find(idempotent.scope, idempotent.key, idempotent.bodyHash);
      if (stored) return stored.body as FilingResult;
    }
    const db = this.dataSource.manager;
    // One round trip: the calendar's and the catalog's revisions (both cached per revision) and
    // who is told of the new cases (users change without a revision to cache them by).
    const [read] = await preparedQuery<FilingRead>(db, FILING_READ_SQL, [input.subjects, rolesOf('uip')]);
    const subjects = await this.subjects.requireActive(input.subjects, input.subjectsField ?? 'subjects', read.catalog, db);
    // Anyone can name any address on the web form; officers register what people bring in person.
    if (input.channel === 'web' && input.content.requester.email) await this.recipients.consume(input.content.requester.email);
    const accessCode = newAccessCode();
    const accessCodeHash = hashAccessCode(this.config.ACCESS_CODE_SECRET, accessCode);
    const loaded = await this.calendar.atRevision(read.calendar, db);
    const staff = recipientsByCode(input.subjects, read.staff);
    try {
      const year = Number(localDateOf(input.filedAt).slice(0, 4));
      for (let attempt = 1; ; attempt++) {
        const request = this.newRequest(input, newFolio(year), accessCodeHash);
        const births = this.cases.plan(
          loaded,
          input.subjects.map((code) => ({
            request,
            subject: subjects.get(code)!,
            channel: input.channel,
            receivedAt: input.receivedAt,
            at: input.filedAt,
            actor: input.actor,
          })),
        );
        // Nothing is read back: the views are what was just planned, with its one event each.
        const views = this.reader.viewsOf(births.cases.map((c, i) => bornRecord(c, births.events[i])));
        const result: FilingResult = { folio: request.folio, accessCode, filedAt: request.filedAt.toISOString(), cases: views };
        const jobs = [...births.jobs, ...this.mail.outboxEntries(this.mails(request, accessCode, views, staff))];
        // One statement writes it all; with a key, the stored answer joins it in one transaction.
        const written = idempotent
          ? await this.dataSource.transaction(async (tx) => {
              if (!(await this.cases.file(tx, request, births, jobs))) return false;
              await this.idempotency.save(tx, idempotent.scope, idempotent.key, idempotent.bodyHash, { status: 201, body: result });
              return true;
            })
          : await this.cases.file(db, request, births, jobs);
        if (written) {
          this.outbox.wake();
          this.logger.log(`Solicitud ${result.folio} registrada: ${result.cases.length} caso(s), canal ${input.channel}`);
          return result;
        }
        if (attempt >= FOLIO_ATTEMPTS) throw new Error('No se pudo generar un folio único');
      }
    } catch (error) {
      // A concurrent retry with the same key committed first: answer what it answered.
      if (idempotent && isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const stored = await this.idempotency.find(idempotent.scope, idempotent.key, idempotent.bodyHash);
        if (stored) return stored.body as FilingResult;
      }
      throw error;
    }
  }

  private newRequest(input: FilingInput, folio: string, accessCodeHash: string): NewRequest {
    const { content } = input;
    return {
      id: randomUUID(),
      folio,
      accessCodeHash,
      description: content.description,
      deliveryFormat: content.deliveryFormat,
      language: content.language ?? 'es',
      requesterName: content.requester.name.trim(),
      requesterEmail: content.requester.email ?? null,
      requesterPhone: content.requester.phone ?? null,
      requesterAddress: content.requester.address ?? null,
      channel: input.channel,
      filedAt: input.filedAt,
      registeredBy: input.registeredBy ?? null,
    };
  }

  /** To the requester (folio and access code) and to everyone who must act on each new case. */
  private mails(request: NewRequest, accessCode: string, views: CaseView[], staff: Map<string, string[]>): MailJob[] {
    const followUrl = requestPageUrl(this.config, request.folio);
    const terms = this.calendar.terms;
    const mails: MailJob[] = [];
    if (request.requesterEmail) {
      mails.push(
        this.mail.message(`filed-${request.id}`, request.requesterEmail, 'request-filed', {
          requesterName: request.requesterName,
          folio: request.folio,
          accessCode,
          followUrl,
          cases: views.map((v) => ({ subjectName: v.subject.name, dueDate: v.dueDate })),
          terms,
        }),
      );
    }
    for (const view of views) {
      mails.push(
        ...messagesTo(this.mail, staff.get(view.subject.code) ?? [], `case-received-${view.id}`, 'case-received', {
          subjectName: view.subject.name,
          folio: request.folio,
          caseId: view.id,
          caseUrl: staffCasePageUrl(this.config, view.id),
          language: noticeLanguage(request.language),
          receivedOn: view.receivedOn,
          dueDate: view.dueDate,
          description: request.description,
          terms,
        }),
      );
    }
    return mails;
  }
}

/** What a case just planned shows: its subject, its one `received` event, no documents, no links yet. */
function bornRecord(c: Case, event: CaseBirths['events'][number]): CaseRecord {
  return {
    case: c,
    subjectName: c.subject!.name,
    transferredTo: null,
    transferredFrom: null,
    events: [{ id: '', caseId: c.id, type: event.type, at: event.at, actorKind: event.actor.kind, actorId: event.actor.id ?? null, data: event.data }],
    documents: [],
  };
}

interface FilingRead {
  calendar: string;
  catalog: string;
  staff: { code: string; email: string }[];
}

/**
 * What a filing reads before it writes: the two revisions it depends on (migrations 1763700000003
 * and 1765000017001) and the staff notices' recipients of the subjects in $1 (roles in $2).
 */
const FILING_READ_SQL = `SELECT (SELECT revision::text FROM calendar_revision) AS calendar,
  (SELECT revision::text FROM catalog_revision) AS catalog,
  (SELECT coalesce(json_agg(r), '[]'::json) FROM (${recipientRowsSql('$1::text[]', '$2::text[]')}) r) AS staff`;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && name === constraint;
}
