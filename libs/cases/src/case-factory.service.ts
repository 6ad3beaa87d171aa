import { Inject, Injectable } from '@nestjs/common';
import { CalendarService, LoadedCalendar } from '@ventanilla/calendar';
import { EnvDto } from '@ventanilla/config';
import { preparedQuery } from '@ventanilla/database';
import { OutboxEntry, outboxInsertSql, outboxRows } from '@ventanilla/queue';
import { Subject } from '@ventanilla/subjects';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor, appendEventsSql } from './case-events';
import { Case, Channel } from './case.entity';
import { milestoneSettings } from './milestone-plan';
import { MilestoneRow, milestoneTarget, newCaseMilestones } from './store/case-milestones';
import { Request } from './request.entity';

export interface OpenCaseInput {
  request: Pick<Request, 'id' | 'folio'>;
  subject: Subject;
  channel: Channel;
  /** The instant the body received it; the calendar turns it into the legal reception day. */
  receivedAt: Date;
  /** When the event is recorded (differs from receivedAt for old in-person registrations). */
  at: Date;
  actor: Actor;
  /** Set when the case comes from another body's transfer (Art. 38). */
  transferredFromCaseId?: string;
}

/** New cases as they will be written: the cases (ids made here), their first events, milestones and jobs. */
export interface CaseBirths {
  cases: Case[];
  events: { caseId: string; type: 'received'; actor: Actor; at: Date; data: Record<string, unknown> }[];
  milestones: MilestoneRow[];
  /** The milestones' jobs; the caller may add its own (mails) to the same outbox statement. */
  jobs: OutboxEntry[];
}

/** A request row to write with its cases (`CaseFactory.file`). */
export interface NewRequest {
  id: string;
  folio: string;
  accessCodeHash: string;
  description: string;
  deliveryFormat: string;
  language: string;
  requesterName: string;
  requesterEmail: string | null;
  requesterPhone: string | null;
  requesterAddress: string | null;
  channel: Channel;
  filedAt: Date;
  registeredBy: string | null;
}

/**
 * Opens cases with their terms from the calendar, their first event and their milestones.
 * Every case is born here: a filing, an officer's registration, or a transfer. The cases are
 * planned in memory (ids included, so nothing is read back) and written in one statement with
 * everything that comes with them — for a filing, the request row too.
 */
@Injectable()
export class CaseFactory {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  /** One case, in the caller's transaction (a transfer); the caller wakes the outbox after its commit. */
  async open(tx: EntityManager, input: OpenCaseInput): Promise<Case> {
    const births = this.plan(await this.calendar.current(tx), [input]);
    await tx.query(...birthStatement(births, births.jobs));
    return births.cases[0];
  }

  /** The cases of inputs as they will be, under the calendar the caller read: nothing is written. */
  plan(loaded: LoadedCalendar, inputs: OpenCaseInput[]): CaseBirths {
    const births: CaseBirths = { cases: [], events: [], milestones: [], jobs: [] };
    const targets = [];
    for (const input of inputs) {
      const subjectCalendar = this.calendar.subjectCalendar(input.subject);
      const terms = loaded.clock.caseTerms(input.receivedAt, subjectCalendar);
      const c = Object.assign(new Case(), {
        id: randomUUID(),
        requestId: input.request.id,
        folio: input.request.folio,
        subjectCode: input.subject.code,
        subject: input.subject,
        status: 'received',
        channel: input.channel,
        receivedAt: input.receivedAt,
        receivedOn: terms.receivedOn,
        dueDate: terms.dueDate,
        extendedDueDate: null,
        termDueDate: terms.dueDate,
        fictaDueDate: terms.fictaDueDate,
        extensionReason: null,
        extendedAt: null,
        resolvedAt: null,
        resolutionType: null,
        resolutionText: null,
        classificationRef: null,
        resolutionOnTime: null,
        businessDaysTaken: null,
        transferredToCaseId: null,
        transferredFromCaseId: input.transferredFromCaseId ?? null,
        closedAt: null,
        appealStatus: null,
        appealFiledAt: null,
        appealDueDate: null,
        appealGrounds: null,
        appealText: null,
        appealOutcome: null,
        appealDecisionText: null,
        appealDecidedAt: null,
        version: 1,
        updatedAt: input.at,
      } satisfies Omit<Case, 'createdAt'>);
      births.cases.push(c);
      births.events.push({
        caseId: c.id,
        type: 'received',
        actor: input.actor,
        at: input.at,
        data: {
          channel: input.channel,
          receivedOn: terms.receivedOn,
          dueDate: terms.dueDate,
          ...(input.transferredFromCaseId ? { transferredFromCaseId: input.transferredFromCaseId } : {}),
        },
      });
      targets.push(milestoneTarget(c, subjectCalendar));
    }
    // Every new case is watched from birth.
    const now = inputs[0]?.at ?? new Date();
    const { rows, entries } = newCaseMilestones(targets, loaded.calendar, now, milestoneSettings(this.config));
    births.milestones = rows;
    births.jobs = entries;
    return births;
  }

  /**
   * Writes a request and its planned cases in one statement (no transaction needed: it is one),
   * with the outbox `jobs` (the cases' own and the caller's mails). `false`, and nothing
   * written, when another request already has the folio: plan again with a new one.
   */
  async file(manager: EntityManager, request: NewRequest, births: CaseBirths, jobs: OutboxEntry[]): Promise<boolean> {
    // Prepared: a filing's statement has one text per shape (every value is a parameter).
    const [text, values] = birthStatement(births, jobs, request);
    return (await preparedQuery(manager, text, values)).length > 0;
  }
}

/**
 * One statement: the request (when given; `ON CONFLICT (folio) DO NOTHING`, and then nothing
 * else either), the cases, their events, their milestones and the outbox rows. The cases keep
 * the order given (`created_at` is how a request's cases are listed).
 */
function birthStatement(births: CaseBirths, jobs: OutboxEntry[], request?: NewRequest): [string, unknown[]] {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const steps: string[] = [];
  const gate = request ? 'WHERE EXISTS (SELECT 1 FROM new_request)' : '';
  if (request) {
    steps.push(`new_request AS (
      INSERT INTO requests (id, folio, access_code_hash, description, delivery_format, language, requester_name,
        requester_email, requester_phone, requester_address, channel, filed_at, registered_by)
      VALUES (${[
        request.id, request.folio, request.accessCodeHash, request.description, request.deliveryFormat, request.language,
        request.requesterName, request.requesterEmail, request.requesterPhone, request.requesterAddress, request.channel,
        request.filedAt, request.registeredBy,
      ].map(p).join(', ')})
      ON CONFLICT (folio) DO NOTHING RETURNING id)`);
  }
  const cases = births.cases.map((c, n) => ({
    n,
    id: c.id,
    request_id: c.requestId,
    folio: c.folio,
    subject_code: c.subjectCode,
    channel: c.channel,
    received_at: c.receivedAt.toISOString(),
    received_on: c.receivedOn,
    due_date: c.dueDate,
    ficta_due_date: c.fictaDueDate,
    transferred_from_case_id: c.transferredFromCaseId,
    updated_at: c.updatedAt.toISOString(),
  }));
  steps.push(`new_cases AS (
      INSERT INTO cases (id, request_id, folio, subject_code, status, channel, received_at, received_on, due_date,
        ficta_due_date, transferred_from_case_id, updated_at, created_at)
      SELECT id, request_id, folio, subject_code, 'received', channel, received_at, received_on, due_date, ficta_due_date,
        transferred_from_case_id, updated_at, clock_timestamp() + n * interval '1 microsecond'
      FROM jsonb_to_recordset(${p(JSON.stringify(cases))}::jsonb) AS x(n int, id uuid, request_id uuid, folio text,
        subject_code text, channel text, received_at timestamptz, received_on date, due_date date, ficta_due_date date,
        transferred_from_case_id uuid, updated_at timestamptz)
      ${gate} ORDER BY n)`);
  steps.push(`new_events AS (${appendEventsSql(births.events, p)} ${gate} ORDER BY n)`);
  if (births.milestones.length > 0) {
    const milestones = births.milestones.map((m) => ({ case_id: m.caseId, kind: m.kind, due_at: m.dueAt.toISOString() }));
    steps.push(`new_milestones AS (
      INSERT INTO case_milestones (case_id, kind, due_at)
      SELECT case_id, kind, due_at FROM jsonb_to_recordset(${p(JSON.stringify(milestones))}::jsonb)
        AS x(case_id uuid, kind text, due_at timestamptz)
      ${gate})`);
  }
  if (jobs.length > 0) steps.push(`new_jobs AS (${outboxInsertSql(p(outboxRows(jobs)))} ${gate})`);
  const result = request ? 'SELECT id FROM new_request' : 'SELECT 1';
  return [`WITH ${steps.join(',\n    ')}\n    ${result}`, params];
}
