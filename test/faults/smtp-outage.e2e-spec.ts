import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { WorkerHealthServer } from '@ventanilla/health';
import { MailRedelivery } from '@ventanilla/mail';
import { QUEUES } from '@ventanilla/queue';
import { PrivateRedis, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { eventually, fileRequest, pause, setNow, setUipEmail } from '../watch/watch-helpers';

const SUBJECTS = ['MINFIN', 'MINECO'];
/** The retry schedule before this work: 8 attempts, then the job stayed failed and the mail was lost. */
const OLD_ATTEMPTS = 8;

const mailQueue = (context: INestApplicationContext) => context.get<Queue>(getQueueToken(QUEUES.mail.name), { strict: false });

async function workerHealth(worker: INestApplicationContext): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${worker.get(WorkerHealthServer).port()}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('mail through an SMTP outage longer than the whole retry schedule (e2e)', () => {
  const redis = new PrivateRedis();
  const bounced = uniqueEmail('rebota');
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({
      worker: true,
      smtp: { rejects: (address) => address === bounced },
      // Time is driven by settings: tries every ~0.3 s instead of every 10 min, redelivery checks every second.
      env: { REDIS_URL: redis.url, MAIL_RETRY_MAX_DELAY_MS: '300', MAIL_REDELIVERY_EVERY_MS: '1000' },
    });
  });
  afterAll(async () => {
    await env?.stop();
    await redis.stop();
  });

  it('every mail arrives exactly once when SMTP answers again, through a Redis flush; a 5xx reject is recorded as undeliverable', async () => {
    const uips = await Promise.all(SUBJECTS.map((code) => setUipEmail(env, code)));
    await env.smtp.stop();
    const filed = [];
    for (let i = 0; i < 5; i++) filed.push(await fileRequest(env, SUBJECTS));
    const rejected = await fileRequest(env, SUBJECTS, bounced);
    // Per filing: the requester's receipt and one notice per UIP.
    const expected = [...filed, rejected].length * (1 + SUBJECTS.length);

    const queue = mailQueue(env.worker!);
    // Past the old schedule for every mail: each job has been tried more than 8 times and still waits.
    await eventually(async () => {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
      return jobs.length === expected && jobs.every((j) => j.attemptsStarted > OLD_ATTEMPTS + 2);
    }, 30000, 'cada correo intentado más de 8 veces');
    expect(await queue.getJobCounts('failed', 'completed')).toEqual({ failed: 0, completed: 0 });
    const degraded = await workerHealth(env.worker!);
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', checks: { database: 'up', redis: 'up', smtp: 'down' } });

    // Redis loses every job mid-outage; the worker hands them back to the relay on its own.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    const started = Date.now();
    await eventually(async () => (await queue.getJobs(['delayed', 'waiting', 'active'])).length === expected, 20000, 'los correos de vuelta en Redis');
    const redeliveredInMs = Date.now() - started;

    await env.smtp.start();
    for (const f of filed) await env.smtp.waitFor(f.email, 1, 30000);
    for (const uip of uips) await env.smtp.waitFor(uip, filed.length + 1, 30000);
    await eventually(async () => {
      const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM sent_mails`);
      return n === expected;
    }, 20000, 'un resultado por correo');
    await pause(1000);

    const outcomes: { outcome: string; n: number }[] = await env.db.query(
      `SELECT outcome, count(*)::int AS n FROM sent_mails GROUP BY outcome ORDER BY outcome`,
    );
    expect(outcomes).toEqual([
      { outcome: 'sent', n: expected - 1 },
      { outcome: 'undeliverable', n: 1 },
    ]);
    // Exactly once: no address got a second copy, nothing is missing.
    for (const f of filed) expect(env.smtp.to(f.email)).toHaveLength(1);
    for (const uip of uips) expect(env.smtp.to(uip)).toHaveLength(filed.length + 1);
    expect(env.smtp.to(bounced)).toHaveLength(0);
    expect(env.smtp.messages).toHaveLength(expected - 1);

    const [undeliverable] = await env.db.query(`SELECT template, failure FROM sent_mails WHERE outcome = 'undeliverable'`);
    expect(undeliverable.template).toBe('request-filed');
    expect(undeliverable.failure).toContain('550');
    // On the history of each case of that request.
    const events: { case_id: string; data: Record<string, string> }[] = await env.db.query(
      `SELECT case_id, data FROM case_events WHERE type = 'mail_undeliverable' ORDER BY case_id`,
    );
    expect(events.map((e) => e.case_id)).toEqual([...rejected.caseIds].sort());
    expect(events[0].data).toMatchObject({ template: 'request-filed', recipient: bounced, reason: expect.stringContaining('550') });
    const view = await env.http.get(`/api/v1/requests/${rejected.folio}`).expect(200);
    expect(view.body.cases[0].events.map((e: { type: string }) => e.type)).toContain('mail_undeliverable');

    await eventually(async () => (await workerHealth(env.worker!)).body.status === 'ok', 20000, 'la salud sin SMTP degradado');
    console.log(
      `[figuras] correos: ${expected} esperados, ${env.smtp.messages.length} enviados, 1 no entregable (550), ` +
        `0 perdidos, 0 duplicados; devueltos a Redis tras el vaciado en ${redeliveredInMs} ms`,
    );
  });

  it('a mail SMTP never accepts for the whole MAIL_RETRY_HOURS is given up, with the reason, and only then', async () => {
    const email = uniqueEmail('sin-smtp');
    await env.smtp.stop();
    try {
      const filed = await fileRequest(env, ['SEGEPLAN'], email);
      const key = `filed-${(await env.db.query(`SELECT id FROM requests WHERE folio = $1`, [filed.folio]))[0].id}`;
      const queue = mailQueue(env.worker!);
      await eventually(async () => ((await queue.getJob(`mail-${key}`))?.attemptsStarted ?? 0) > 3, 20000, 'varios intentos');
      expect(await env.db.query(`SELECT 1 FROM sent_mails WHERE key = $1`, [key])).toHaveLength(0);

      // Three days and an hour later by the worker's clock, SMTP still refusing.
      setNow([env.worker], new Date(Date.now() + 73 * 3600_000));
      const [row] = await eventually(async () => {
        const rows = await env.db.query(`SELECT outcome, failure FROM sent_mails WHERE key = $1`, [key]);
        return rows.length > 0 ? rows : undefined;
      }, 20000, 'el correo abandonado');
      expect(row.outcome).toBe('undeliverable');
      expect(row.failure).toContain('72 h');
      expect(row.failure).toContain('ECONNREFUSED');
      const [event] = await env.db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'mail_undeliverable'`, [filed.caseId]);
      expect(event.data.template).toBe('request-filed');
    } finally {
      jest.restoreAllMocks();
      await env.smtp.start();
    }
    expect(await env.worker!.get(MailRedelivery).run()).toBe(0);
  });
});
