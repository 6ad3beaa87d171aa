import { MailProcessor, MailService } from '@ventanilla/mail';
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
    });

  it('a retried job and two workers racing on the same key send one message', async () => {
    const to = uniqueEmail('once');
    const processor = env.worker!.get(MailProcessor);
    const second = await env.startWorker();
    const results = await Promise.all([
      processor.send(job(to, 'once-key')),
      second.get(MailProcessor).send(job(to, 'once-key')),
    ]);
    expect(results.map((r) => r.sent).sort()).toEqual([false, true]);
    const retried = await processor.send(job(to, 'once-key'));
    expect(retried.sent).toBe(false);
    await env.smtp.waitFor(to, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(env.smtp.to(to)).toHaveLength(1);
    const [row] = await env.db.query(`SELECT recipient, template, message_id FROM sent_mails WHERE key = 'once-key'`);
    expect(row).toMatchObject({ recipient: to, template: 'case-received', message_id: expect.any(String) });
  });

  it('a failed send keeps no claim, so the retry sends it', async () => {
    const to = uniqueEmail('retry');
    const processor = env.worker!.get(MailProcessor);
    const transport = (processor as unknown as { transport: { sendMail: (...a: unknown[]) => Promise<unknown> } }).transport;
    const spy = jest.spyOn(transport, 'sendMail').mockRejectedValueOnce(new Error('SMTP caído'));
    await expect(processor.send(job(to, 'retry-key'))).rejects.toThrow('SMTP caído');
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM sent_mails WHERE key = 'retry-key'`);
    expect(n).toBe(0);
    spy.mockRestore();
    expect((await processor.send(job(to, 'retry-key'))).sent).toBe(true);
    await env.smtp.waitFor(to, 1);
  });
});
