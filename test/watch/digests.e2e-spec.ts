import { addDays, endOfLocalDay, startOfLocalDay } from '@ventanilla/calendar';
import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { PdhDigests, SubjectDigests } from '@ventanilla/watch';
import { createUser, tokenFor } from '../auth/auth-helpers';
import { watchQueue, eventually, fileRequest, mailQueueIdle, pause, setNow, setUipEmail, sweep } from './watch-helpers';

describe('deadline watch: daily digests (e2e)', () => {
  const configuredMonitor = uniqueEmail('pdh.config');
  let env: TestEnvironment;
  let monitor: string;

  beforeAll(async () => {
    env = await startTestEnvironment({ worker: true, env: { PDH_MONITOR_EMAILS: `${configuredMonitor}, no-es-correo` } });
    const admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    monitor = uniqueEmail('pdh.usuario');
    await createUser(env, admin, { email: monitor, password: 'contraseña-segura-1', role: 'pdh_monitor' }).expect(201);
  });
  afterAll(() => env?.stop());

  it("schedules the sweep, the milestones' top-up and both digests at worker start, once", async () => {
    const queue = watchQueue(env.worker!);
    const schedulers = await eventually(async () => {
      const list = await queue.getJobSchedulers();
      return list.length === 4 && list;
    }, 10000, 'las programaciones');
    expect(schedulers.map((s) => [s.key, s.pattern ?? null, s.every ?? null, s.tz ?? null]).sort()).toEqual([
      ['watch-pdh-digest', '5 7 * * *', null, 'America/Guatemala'],
      ['watch-subject-digest', '0 7 * * *', null, 'America/Guatemala'],
      ['watch-sweep', null, 60000, null],
      ['watch-top-up', '15 0 * * *', null, 'America/Guatemala'],
    ]);
    // A second worker upserts the same schedulers: still four.
    await env.startWorker();
    await pause(500);
    expect(await queue.getJobSchedulers()).toHaveLength(4);
  });

  it("mails each UIP its cases due this week and overdue, once a day, and the PDH what became overdue", async () => {
    const uip = await setUipEmail(env, 'MINFIN');
    const first = await fileRequest(env, ['MINFIN', 'MINECO']);
    const second = await fileRequest(env, ['MINFIN']);
    await env.smtp.waitFor(uip, 2);
    const [{ due }] = await env.db.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM cases WHERE id = $1`, [first.caseId]);

    // 07:00 two days before the due date: both MINFIN cases are due this week.
    setNow([env.worker], new Date(startOfLocalDay(addDays(due, -2)).getTime() + 7 * 3600_000));
    expect(await env.worker!.get(SubjectDigests).send()).toEqual({ subjects: 1 });
    const [digest] = (await env.smtp.waitFor(uip, 3)).slice(2);
    expect(digest.subject).toContain('2 por vencer, 0 vencida(s)');
    expect(digest.text).toContain(first.folio);
    expect(digest.text).toContain(second.folio);
    expect(digest.text).toContain('No hay solicitudes vencidas.');
    // The same morning again: nothing new.
    await env.worker!.get(SubjectDigests).send();

    // The term runs out; the sweep marks both overdue; the next morning's digest lists them as overdue.
    const afterTerm = new Date(endOfLocalDay(due).getTime() + 7 * 3600_000);
    setNow([env.worker], afterTerm);
    await sweep(env.worker!);
    await env.worker!.get(SubjectDigests).send();
    const mails = await eventually(async () => {
      const list = env.smtp.to(uip).filter((m) => m.subject?.startsWith('Resumen'));
      return list.length >= 2 && list;
    }, 20000, 'el segundo resumen');
    expect(mails[1].subject).toContain('0 por vencer, 2 vencida(s)');

    // The PDH: both monitors, the three cases (MINECO's too), once.
    setNow([env.worker], new Date(afterTerm.getTime() + 5 * 60_000));
    // MINECO and the rest of the catalog have no officer and no mailbox: they are listed too.
    expect(await env.worker!.get(PdhDigests).send()).toEqual({ cases: 3, unreachable: expect.any(Number), recipients: 2 });
    for (const to of [monitor, configuredMonitor]) {
      const [pdh] = await env.smtp.waitFor(to, 1);
      expect(pdh.subject).toContain('3 solicitud(es) vencida(s)');
      for (const folio of [first.folio, second.folio]) expect(pdh.text).toContain(folio);
      expect(pdh.text).toContain('Ministerio de Economía');
    }
    setNow([env.worker], new Date(afterTerm.getTime() + 10 * 60_000));
    // Nothing newly overdue: the next digest only names the bodies nobody can reach.
    expect(await env.worker!.get(PdhDigests).send()).toMatchObject({ cases: 0, recipients: 2 });

    await mailQueueIdle(env.worker!);
    await pause(500);
    expect(env.smtp.to(uip).filter((m) => m.subject?.startsWith('Resumen'))).toHaveLength(2);
    for (const to of [monitor, configuredMonitor]) {
      const [, second] = await env.smtp.waitFor(to, 2);
      expect(env.smtp.to(to)).toHaveLength(2);
      expect(second.text).toContain('no venció sin respuesta ninguna solicitud');
      expect(second.text).toContain('Ministerio de Economía (MINECO): sin UIP registrada');
    }
  });
});
