import { LAW_TERMS } from '@ventanilla/calendar';
import { MailProcessor, MailRedelivery, MailService, MailTransport } from '@ventanilla/mail';
import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';

describe('mail: a message key is sent at most once (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true });
  });
  afterAll(() => env?.stop());

  const job = (to: string, key: string) =>
    env.api.get(MailService).message(key, to, 'case-received', {
      subjectName: 'Ministerio de Finanzas Públicas',
      folio: 'VT-2026-TEST-0001',
      caseId: '00000000-0000-0000-0000-000000000000',
      receivedOn: '2026-11-23',
      dueDate: '2026-12-07',
      description: 'Prueba de envío único',
      caseUrl: 'http://localhost:3000/personal/casos/00000000-0000-0000-0000-000000000000',
      language: null,
      terms: LAW_TERMS,
    });

  it('a retried job and two workers racing on the same key send one message', async () => {
    const to = uniqueEmail('once');
    const processor = env.worker!.get(MailProcessor);
    const second = await env.startWorker();
    const results = await Promise.all([
      processor.send(job(to, 'once-key')),
      second.get(MailProcessor).send(job(to, 'once-key')),
    ]);
    expect(results.sort()).toEqual(['already_sent', 'sent']);
    const retried = await processor.send(job(to, 'once-key'));
    expect(retried).toBe('already_sent');
    await env.smtp.waitFor(to, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(env.smtp.to(to)).toHaveLength(1);
    const [row] = await env.db.query(`SELECT recipient, template, message_id FROM sent_mails WHERE key = 'once-key'`);
    expect(row).toMatchObject({ recipient: to, template: 'case-received', message_id: expect.any(String) });
  });

  it('a failed send keeps no claim, so the retry sends it', async () => {
    const to = uniqueEmail('retry');
    const processor = env.worker!.get(MailProcessor);
    const spy = jest.spyOn(env.worker!.get(MailTransport), 'send').mockRejectedValueOnce(new Error('SMTP caído'));
    await expect(processor.send(job(to, 'retry-key'))).rejects.toThrow('SMTP caído');
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM sent_mails WHERE key = 'retry-key'`);
    expect(n).toBe(0);
    spy.mockRestore();
    expect(await processor.send(job(to, 'retry-key'))).toBe('sent');
    await env.smtp.waitFor(to, 1);
  });
});

describe('mail lost with a Redis flush goes out once all the same (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('hands an unsent, relayed mail back to the relay', async () => {
    const { filingBody } = await import('@ventanilla/testing');
    const { RedisClient } = await import('@ventanilla/queue');
    const to = uniqueEmail('flushed');
    await env.http.post('/api/v1/requests').send(filingBody({ requester: { name: 'Ana', email: to } })).expect(201);
    // Relayed to Redis, but no worker has run it yet; then Redis loses it.
    const deadline = Date.now() + 10000;
    let pending = 1;
    while (pending > 0 && Date.now() < deadline) {
      [{ n: pending }] = await env.db.query(`SELECT count(*)::int AS n FROM outbox WHERE queue = 'mail' AND dispatched_at IS NULL`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(pending).toBe(0);
    const redis = env.api.get(RedisClient).client;
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}:bull:mail:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys.map((k) => k.slice(`${env.config.REDIS_PREFIX}:`.length)));
    await env.db.query(`UPDATE outbox SET dispatched_at = now() - interval '2 minutes' WHERE queue = 'mail'`);

    const worker = await env.startWorker();
    // The worker's own timer may get there first; either way the lost job can only come back this way.
    expect(await worker.get(MailRedelivery).run()).toBeLessThanOrEqual(1);
    await env.smtp.waitFor(to, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(env.smtp.to(to)).toHaveLength(1);
    // Sent: nothing more to hand back.
    await env.db.query(`UPDATE outbox SET dispatched_at = now() - interval '2 minutes' WHERE queue = 'mail'`);
    expect(await worker.get(MailRedelivery).run()).toBe(0);
  });
});

describe('a mail job that ended failed in Redis is sent all the same (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('removes the failed job, so relaying it again under the same id is not ignored as a duplicate', async () => {
    const { filingBody } = await import('@ventanilla/testing');
    const { redisOptions } = await import('@ventanilla/queue');
    const { UnrecoverableError, Worker } = await import('bullmq');
    const to = uniqueEmail('failed');
    const res = await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['MINFIN'], requester: { name: 'Ana', email: to } })).expect(201);
    const [{ id }] = await env.db.query(`SELECT id FROM requests WHERE folio = $1`, [res.body.folio]);
    const jobId = `mail-filed-${id}`;
    // Before this work a job could end failed (attempts exhausted; today: stalled twice by crashes). Make one so.
    const crashing = new Worker(
      'mail',
      async (job) => {
        if (job.id === jobId) throw new UnrecoverableError('simulado: el worker cayó dos veces');
      },
      { connection: redisOptions(env.config.REDIS_URL, true), prefix: `${env.config.REDIS_PREFIX}:bull` },
    );
    const { getQueueToken } = await import('@nestjs/bullmq');
    const queue = env.api.get(getQueueToken('mail'), { strict: false }) as import('bullmq').Queue;
    const deadline = Date.now() + 15000;
    while ((await queue.getJobState(jobId)) !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await crashing.close();
    expect(await queue.getJobState(jobId)).toBe('failed');
    await env.db.query(`UPDATE outbox SET dispatched_at = now() - interval '2 minutes' WHERE queue = 'mail'`);

    const worker = await env.startWorker();
    await worker.get(MailRedelivery).run();
    await env.smtp.waitFor(to, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(env.smtp.to(to)).toHaveLength(1);
    const [sent] = await env.db.query(`SELECT outcome FROM sent_mails WHERE key = $1`, [`filed-${id}`]);
    expect(sent.outcome).toBe('sent');
  });
});
