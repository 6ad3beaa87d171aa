import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService, localDateOf } from '@ventanilla/calendar';
import { Actor, Case, CaseFactory, CaseReader, CaseView, Channel, noticeLanguage, Request } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { MailJob, MailService } from '@ventanilla/mail';
import { messagesTo, NoticeRecipients, requestPageUrl, staffCasePageUrl } from '@ventanilla/notices';
import { Outbox } from '@ventanilla/queue';
import { Subject, SubjectsService } from '@ventanilla/subjects';
import { RecipientLimit } from '@ventanilla/throttling';
import { DataSource, EntityManager } from 'typeorm';
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
 * Files a request: the request, one case per subject with its terms, their first events,
 * the mails, and (with a key) the idempotent answer, in one transaction. The outbox relays
 * the mails after commit, so filing works while Redis is down.
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
    private readonly noticeRecipients: NoticeRecipients,
    private readonly calendar: CalendarService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async file(input: FilingInput, idempotent?: IdempotentFiling): Promise<FilingResult> {
    if (idempotent) {
      const stored = await this.idempotency.find(idempotent.scope, idempotent.key, idempotent.bodyHash);
      if (stored) return stored.body as FilingResult;
    }
    const subjects = await this.subjects.requireActive(input.subjects, input.subjectsField ?? 'subjects');
    // Anyone can name any address on the web form; officers register what people bring in person.
    if (input.channel === 'web' && input.content.requester.email) await this.recipients.consume(input.content.requester.email);
    const accessCode = newAccessCode();
    const accessCodeHash = hashAccessCode(this.config.ACCESS_CODE_SECRET, accessCode);
    try {
      const result = await this.dataSource.transaction(async (tx) => {
        const request = await this.insertRequest(tx, input, accessCodeHash);
        const cases = await this.insertCases(tx, request, input, subjects);
        const views = await this.reader.views(cases, tx);
        const result: FilingResult = { folio: request.folio, accessCode, filedAt: request.filedAt.toISOString(), cases: views };
        const staff = await this.noticeRecipients.ofSubjects(tx, input.subjects);
        await this.mail.enqueue(tx, this.mails(request, accessCode, views, staff));
        if (idempotent) {
          await this.idempotency.save(tx, idempotent.scope, idempotent.key, idempotent.bodyHash, { status: 201, body: result });
        }
        return result;
      });
      this.outbox.wake();
      this.logger.log(`Solicitud ${result.folio} registrada: ${result.cases.length} caso(s), canal ${input.channel}`);
      return result;
    } catch (error) {
      // A concurrent retry with the same key committed first: answer what it answered.
      if (idempotent && isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const stored = await this.idempotency.find(idempotent.scope, idempotent.key, idempotent.bodyHash);
        if (stored) return stored.body as FilingResult;
      }
      throw error;
    }
  }

  private async insertRequest(tx: EntityManager, input: FilingInput, accessCodeHash: string): Promise<Request> {
    const { content } = input;
    const year = Number(localDateOf(input.filedAt).slice(0, 4));
    for (let attempt = 1; ; attempt++) {
      const folio = newFolio(year);
      const rows: { id: string }[] = await tx.query(
        `INSERT INTO requests (folio, access_code_hash, description, delivery_format, language, requester_name,
           requester_email, requester_phone, requester_address, channel, filed_at, registered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (folio) DO NOTHING RETURNING id`,
        [
          folio, accessCodeHash, content.description, content.deliveryFormat, content.language ?? 'es',
          content.requester.name.trim(), content.requester.email ?? null, content.requester.phone ?? null,
          content.requester.address ?? null, input.channel, input.filedAt, input.registeredBy ?? null,
        ],
      );
      if (rows.length > 0) return tx.findOneByOrFail(Request, { id: rows[0].id });
      if (attempt >= FOLIO_ATTEMPTS) throw new Error('No se pudo generar un folio único');
    }
  }

  private async insertCases(tx: EntityManager, request: Request, input: FilingInput, subjects: Map<string, Subject>): Promise<Case[]> {
    const cases: Case[] = [];
    for (const code of input.subjects) {
      cases.push(
        await this.cases.open(tx, {
          request,
          subject: subjects.get(code)!,
          channel: input.channel,
          receivedAt: input.receivedAt,
          at: input.filedAt,
          actor: input.actor,
        }),
      );
    }
    return cases;
  }

  /** To the requester (folio and access code) and to everyone who must act on each new case. */
  private mails(request: Request, accessCode: string, views: CaseView[], staff: Map<string, string[]>): MailJob[] {
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

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && name === constraint;
}
