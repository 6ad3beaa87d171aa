import { BusinessCalendar, LegalClock, LocalDate, localDateOf, startOfLocalDay, SubjectCalendar } from '@ventanilla/calendar';
import type { AppealOutcome, ResolutionType } from '@ventanilla/cases';
import { filingBody, TestEnvironment } from '@ventanilla/testing';

/**
 * Cases in any past state for the monitoring suites. Each is filed through the public endpoint,
 * then moved with SQL (the officers' workflow endpoints are another feature), keeping every
 * column consistent: terms from the law's own calendar, resolved_at with resolution_on_time and
 * business_days_taken, closed_at on closed cases, both sides of a transfer.
 */
const calendar = new BusinessCalendar({ declaredDays: [], localHolidays: [], halfDaysAreBusiness: true });
const legal = new LegalClock(calendar);
const calendarOf = (code: string): SubjectCalendar => ({ code, worksSaturdays: false, closingTime: '16:00' });
const at = (day: LocalDate, hour = 9): Date => new Date(startOfLocalDay(day).getTime() + hour * 3_600_000);

export const today = (): LocalDate => localDateOf(new Date());

export interface TestSubject {
  code: string;
  name: string;
  sector: string;
  departmentCode: string | null;
}

export async function createSubjects(env: TestEnvironment, subjects: TestSubject[]): Promise<void> {
  for (const s of subjects) {
    await env.db.query(
      `INSERT INTO subjects (code, name, short_name, sector, department_code, department)
       VALUES ($1::text, $2, $1::text, $3, $4, $5)`,
      [s.code, s.name, s.sector, s.departmentCode, s.departmentCode ? `Departamento ${s.departmentCode}` : null],
    );
  }
}

/** What a requester gave and must never come out of a public monitoring endpoint. */
export interface Secrets {
  name: string;
  email: string;
  phone: string;
  address: string;
  accessCode: string;
  description: string;
  folio: string;
}

export interface CaseSpec {
  receivedOn: LocalDate;
  deliveryFormat?: string;
  channel?: 'web' | 'in_person' | 'phone' | 'mail' | 'email';
  status: 'received' | 'clarification_requested' | 'extended' | 'resolved' | 'transferred' | 'withdrawn';
  extended?: boolean;
  resolution?: { type: ResolutionType; businessDays: number };
  /** Transferred this many días hábiles after reception to `to` (a new case there, received that day). */
  transfer?: { to: string; afterBusinessDays: number; resolution?: { type: ResolutionType; businessDays: number } };
  appeal?: { status: 'filed' } | { status: 'decided'; outcome: AppealOutcome };
}

export interface PlacedCase {
  id: string;
  folio: string;
  subjectCode: string;
  receivedOn: LocalDate;
  dueDate: LocalDate;
  extendedDueDate: LocalDate | null;
  termDueDate: LocalDate;
  resolvedOn: LocalDate | null;
  onTime: boolean | null;
  businessDaysTaken: number | null;
  secrets: Secrets;
  /** The case a transfer opened at the competent body. */
  transferredTo?: PlacedCase;
}

let serial = 0;

export async function placeCase(env: TestEnvironment, subjectCode: string, spec: CaseSpec): Promise<PlacedCase> {
  serial += 1;
  const tag = `${Date.now().toString(36)}${serial}`;
  const requester = {
    name: `Xiomara Quemé Tzoc ${tag}`,
    email: `xiomara.${tag}@example.org`,
    phone: `+502 4${String(serial).padStart(3, '0')} 7${String(serial).padStart(3, '0')}`,
    address: `Cantón Xesuj casa ${tag}, Patzún`,
  };
  const description = `Solicito copia del expediente ${tag} a nombre de ${requester.name}`;
  const filed = await env.http
    .post('/api/v1/requests')
    .send(filingBody({ subjects: [subjectCode], requester, description, deliveryFormat: spec.deliveryFormat ?? 'electronic' }))
    .expect(201);
  const caseId: string = filed.body.cases[0].id;
  const secrets: Secrets = { ...requester, accessCode: filed.body.accessCode, description, folio: filed.body.folio };

  const subject = calendarOf(subjectCode);
  const dueDate = legal.dueDate(spec.receivedOn, subject);
  const extendedDueDate = spec.extended ? legal.extendedDueDate(dueDate, subject) : null;
  const termDueDate = extendedDueDate ?? dueDate;
  const resolvedOn = spec.resolution ? addBusinessDays(spec.receivedOn, spec.resolution.businessDays, subjectCode) : null;
  const businessDaysTaken = resolvedOn ? legal.businessDaysTaken(spec.receivedOn, resolvedOn, subject) : null;
  const onTime = resolvedOn ? resolvedOn <= termDueDate : null;
  const resolvedAt = resolvedOn ? at(resolvedOn, 11) : null;
  const channel = spec.channel ?? 'web';

  let transferredTo: PlacedCase | undefined;
  let closedAt: Date | null = resolvedAt;
  if (spec.transfer) {
    const transferOn = addBusinessDays(spec.receivedOn, spec.transfer.afterBusinessDays, subjectCode);
    closedAt = at(transferOn, 10);
    transferredTo = await openTransferred(env, caseId, spec.transfer.to, transferOn, spec.transfer.resolution, secrets);
  }
  if (spec.status === 'withdrawn') closedAt = at(addBusinessDays(spec.receivedOn, 1, subjectCode), 10);

  const appealFiledOn = spec.appeal ? addBusinessDays(resolvedOn ?? termDueDate, 1, subjectCode) : null;
  await env.db.query(`UPDATE requests SET channel = $2, filed_at = $3 WHERE folio = $1`, [secrets.folio, channel, at(spec.receivedOn)]);
  await env.db.query(
    `UPDATE cases SET
       status = $2, channel = $3, received_at = $4, received_on = $5, due_date = $6, extended_due_date = $7,
       ficta_due_date = $8, extension_reason = CASE WHEN $7::date IS NULL THEN NULL ELSE 'Volumen de la información' END,
       extended_at = CASE WHEN $7::date IS NULL THEN NULL ELSE $4::timestamptz + interval '3 days' END,
       resolved_at = $9, resolution_type = $10, resolution_text = $11, resolution_on_time = $12, business_days_taken = $13,
       transferred_to_case_id = $14, closed_at = $15,
       appeal_status = $16, appeal_filed_at = $17, appeal_due_date = $18, appeal_grounds = $19, appeal_text = $20,
       appeal_outcome = $21, appeal_decision_text = $22, appeal_decided_at = $23
     WHERE id = $1`,
    [
      caseId, spec.status, channel, at(spec.receivedOn), spec.receivedOn, dueDate, extendedDueDate,
      legal.fictaDueDate(termDueDate, subject),
      resolvedAt, spec.resolution?.type ?? null,
      spec.resolution ? `Resolución para ${requester.name}, ${requester.address}` : null,
      onTime, businessDaysTaken,
      transferredTo?.id ?? null, closedAt,
      spec.appeal?.status ?? null, appealFiledOn ? at(appealFiledOn) : null,
      appealFiledOn ? legal.appealDecisionDueDate(appealFiledOn, subject) : null,
      spec.appeal ? (resolvedOn ? 'denied' : 'no_answer') : null,
      spec.appeal ? `Recurso de ${requester.name}, teléfono ${requester.phone}` : null,
      spec.appeal?.status === 'decided' ? spec.appeal.outcome : null,
      spec.appeal?.status === 'decided' ? 'Decisión de la máxima autoridad' : null,
      spec.appeal?.status === 'decided' && appealFiledOn ? at(addBusinessDays(appealFiledOn, 3, subjectCode)) : null,
    ],
  );
  return {
    id: caseId, folio: secrets.folio, subjectCode, receivedOn: spec.receivedOn, dueDate, extendedDueDate, termDueDate,
    resolvedOn, onTime, businessDaysTaken, secrets, transferredTo,
  };
}

/** Art. 38: the competent body receives a new case of the same request at the moment of transfer. */
async function openTransferred(
  env: TestEnvironment,
  fromCaseId: string,
  to: string,
  receivedOn: LocalDate,
  resolution: { type: ResolutionType; businessDays: number } | undefined,
  secrets: Secrets,
): Promise<PlacedCase> {
  const subject = calendarOf(to);
  const dueDate = legal.dueDate(receivedOn, subject);
  const resolvedOn = resolution ? addBusinessDays(receivedOn, resolution.businessDays, to) : null;
  const businessDaysTaken = resolvedOn ? legal.businessDaysTaken(receivedOn, resolvedOn, subject) : null;
  const onTime = resolvedOn ? resolvedOn <= dueDate : null;
  const [row] = await env.db.query(
    `INSERT INTO cases (request_id, folio, subject_code, status, channel, received_at, received_on, due_date, ficta_due_date,
                        transferred_from_case_id, resolved_at, resolution_type, resolution_text, resolution_on_time,
                        business_days_taken, closed_at, updated_at)
     SELECT request_id, folio, $2, $3, channel, $4, $5, $6, $7, id, $8, $9, $10, $11, $12, $8, now()
       FROM cases WHERE id = $1
     RETURNING id`,
    [
      fromCaseId, to, resolution ? 'resolved' : 'received', at(receivedOn, 10), receivedOn, dueDate, legal.fictaDueDate(dueDate, subject),
      resolvedOn ? at(resolvedOn, 11) : null, resolution?.type ?? null, resolution ? `Entregado a ${secrets.name}` : null,
      onTime, businessDaysTaken,
    ],
  );
  return {
    id: row.id, folio: secrets.folio, subjectCode: to, receivedOn, dueDate, extendedDueDate: null, termDueDate: dueDate,
    resolvedOn, onTime, businessDaysTaken, secrets,
  };
}

function addBusinessDays(day: LocalDate, n: number, subjectCode: string): LocalDate {
  return n === 0 ? day : calendar.addBusinessDays(day, n, calendarOf(subjectCode));
}

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF) for checking what the api writes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
