import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Clock } from '@ventanilla/config';
import { QUEUES } from '@ventanilla/queue';
import { filingBody, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { MilestoneSweep } from '@ventanilla/watch';
import type { Queue } from 'bullmq';
import type { ParsedMail } from 'mailparser';

export interface MilestoneRow {
  kind: string;
  dueAt: Date;
  doneAt: Date | null;
  outcome: string | null;
  canceledAt: Date | null;
}

export interface FiledCase {
  folio: string;
  accessCode: string;
  caseId: string;
  email: string;
  caseIds: string[];
}

/** Gives a subject a UIP address of its own (the seeded catalog has none). */
export async function setUipEmail(env: TestEnvironment, code: string, email = uniqueEmail(`uip.${code.toLowerCase()}`)): Promise<string> {
  await env.db.query(`UPDATE subjects SET uip_email = $2 WHERE code = $1`, [code, email]);
  return email;
}

/** Files a web request (now) to the given subjects, with its own requester email. */
export async function fileRequest(env: TestEnvironment, subjects: string[] = ['MINFIN'], email = uniqueEmail('watch')): Promise<FiledCase> {
  const res = await env.http
    .post('/api/v1/requests')
    .send(filingBody({ subjects, requester: { name: 'Ana López', email } }))
    .expect(201);
  const caseIds = (res.body.cases as { id: string }[]).map((c) => c.id);
  return { folio: res.body.folio, accessCode: res.body.accessCode, caseId: caseIds[0], email, caseIds };
}

export async function milestonesOf(env: TestEnvironment, caseId: string): Promise<MilestoneRow[]> {
  return env.db.query(
    `SELECT kind, due_at AS "dueAt", done_at AS "doneAt", outcome, canceled_at AS "canceledAt"
     FROM case_milestones WHERE case_id = $1 ORDER BY due_at, kind`,
    [caseId],
  );
}

export async function eventTypes(env: TestEnvironment, caseId: string): Promise<string[]> {
  const rows: { type: string }[] = await env.db.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId]);
  return rows.map((r) => r.type);
}

/** Makes "now" `at` for every given process (api, workers). */
export function setNow(contexts: (INestApplicationContext | undefined)[], at: Date): void {
  for (const context of contexts) {
    if (!context) continue;
    const clock = context.get(Clock);
    if (jest.isMockFunction(clock.now)) (clock.now as jest.Mock).mockReturnValue(at);
    else jest.spyOn(clock, 'now').mockReturnValue(at);
  }
}

export function restoreNow(contexts: (INestApplicationContext | undefined)[]): void {
  for (const context of contexts) {
    const clock = context?.get(Clock);
    if (clock && jest.isMockFunction(clock.now)) (clock.now as jest.Mock).mockRestore();
  }
}

export function sweep(worker: INestApplicationContext) {
  return worker.get(MilestoneSweep).pass();
}

export function watchQueue(context: INestApplicationContext): Queue {
  return context.get<Queue>(getQueueToken(QUEUES.watch.name), { strict: false });
}

/** Polls until `check` returns a value other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20000, what = 'la condición'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`No se cumplió ${what} en ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the outbox has relayed everything (so counts that follow are settled). */
export async function outboxDrained(env: TestEnvironment): Promise<void> {
  await eventually(async () => {
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    return n === 0;
  }, 20000, 'el vaciado del outbox');
}

/** Waits until no message is in the mail queue (waiting, delayed or active). */
export async function mailQueueIdle(context: INestApplicationContext): Promise<void> {
  const queue = context.get<Queue>(getQueueToken(QUEUES.mail.name), { strict: false });
  await eventually(async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((n) => n === 0);
  }, 20000, 'la cola de correo vacía');
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The mails matched one to one with the subject patterns (each pattern matches exactly one mail,
 * none is left over), returned in the patterns' order. Mails that leave the queue together are
 * sent by concurrent workers and arrive in any order; what matters is which ones arrived.
 */
export function oneMailEach(mails: ParsedMail[], subjects: RegExp[]): ParsedMail[] {
  const matches = subjects.map((re) => mails.filter((m) => re.test(m.subject ?? '')));
  if (mails.length !== subjects.length || matches.some((found) => found.length !== 1)) {
    throw new Error(`Esperaba un correo por asunto (${subjects.join(', ')}); llegaron: ${mails.map((m) => m.subject).join(' | ')}`);
  }
  return matches.map((found) => found[0]);
}
