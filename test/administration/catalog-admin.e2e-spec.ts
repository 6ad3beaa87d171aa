import { filingBody, startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { migrateAndSeed } from '../../apps/api/src/migrate';
import { tokenFor } from '../auth/auth-helpers';
import { staffGet, staffPost } from '../workflow/workflow-helpers';

/** Catalog administration (api.md): subjects created, edited, deactivated, imported from CSV; the seed keeps what an admin set. */
describe('catalog administration (e2e)', () => {
  let env: TestEnvironment;
  let admin: string;

  const patch = (code: string, body: object, token = admin) =>
    env.http.patch(`/api/v1/subjects/${code}`).set('Authorization', `Bearer ${token}`).send(body);
  const importCsv = (csv: string, dryRun?: boolean) => staffPost(env, admin, '/subjects/import', dryRun === undefined ? { csv } : { csv, dryRun });
  const countSubjects = async () => Number((await env.db.query(`SELECT count(*)::int AS n FROM subjects`))[0].n);

  beforeAll(async () => {
    env = await startTestEnvironment();
    admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
  });
  afterAll(() => env?.stop());

  it('edits a subject, and re-running migrate keeps what the admin set while the file still rules the rest', async () => {
    const mailbox = uniqueEmail('uip.minfin');
    const res = await patch('minfin', { uipEmail: mailbox, shortName: 'Finanzas' }).expect(200);
    expect(res.body).toMatchObject({ code: 'MINFIN', shortName: 'Finanzas', uipEmail: mailbox, active: true });
    // A field no admin set, changed behind the service's back: the seed restores the file's value.
    await env.db.query(`UPDATE subjects SET department = 'Escrito a mano' WHERE code = 'MINFIN'`);
    await migrateAndSeed(env.config.DATABASE_URL);
    const [row] = await env.db.query(`SELECT uip_email, short_name, department FROM subjects WHERE code = 'MINFIN'`);
    expect(row).toEqual({ uip_email: mailbox, short_name: 'Finanzas', department: null });
    // Clearing the mailbox is an admin's choice too.
    expect((await patch('MINFIN', { uipEmail: null }).expect(200)).body.uipEmail).toBeNull();
    await migrateAndSeed(env.config.DATABASE_URL);
    expect((await env.db.query(`SELECT uip_email FROM subjects WHERE code = 'MINFIN'`))[0].uip_email).toBeNull();

    await patch('MINFIN', { uipEmail: 'no-es-correo' }).expect(400);
    await patch('MINFIN', { sector: 'galactic' }).expect(400);
    await patch('MINFIN', { name: '   ' }).expect(400);
    await patch('MINFIN', { shortName: '\u200b' }).expect(400);
    await patch('MINFIN', { departmentCode: '01' }).expect(400);
    await patch('NO-EXISTE', { name: 'X' }).expect(404);
    const officer = await env.http.post('/api/v1/users').set('Authorization', `Bearer ${admin}`)
      .send({ email: uniqueEmail('oficial'), password: 'contraseña-segura-1', role: 'uip_officer', subjectCode: 'MINFIN' }).expect(201);
    const officerToken = await tokenFor(env, officer.body.email, 'contraseña-segura-1');
    await patch('MINFIN', { name: 'Hackeado' }, officerToken).expect(403);
  });

  it('creates and deactivates a subject: it files while active, and not after', async () => {
    const body = { code: 'codede-04', name: 'Consejo Departamental de Desarrollo de Chimaltenango', sector: 'other', departmentCode: '04', department: 'Chimaltenango' };
    const created = await staffPost(env, admin, '/subjects', body).expect(201);
    expect(created.body).toMatchObject({ code: 'CODEDE-04', shortName: 'CODEDE-04', active: true, uipEmail: null });
    await staffPost(env, admin, '/subjects', body).expect(409);
    await staffPost(env, admin, '/subjects', { code: 'SIN-NOMBRE', sector: 'other' }).expect(400);
    expect((await env.http.get('/api/v1/subjects/CODEDE-04').expect(200)).body.name).toContain('Chimaltenango');
    await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['CODEDE-04'] })).expect(201);
    expect((await patch('CODEDE-04', { active: false }).expect(200)).body.active).toBe(false);
    await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['CODEDE-04'] })).expect(400);
    // The seed does not know it and leaves it be.
    await migrateAndSeed(env.config.DATABASE_URL);
    expect((await env.db.query(`SELECT active FROM subjects WHERE code = 'CODEDE-04'`))[0].active).toBe(false);
    const audit = await staffGet(env, admin, '/audit-events?targetKind=subject&targetId=CODEDE-04').expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['subject.deactivated', 'subject.created']);
  });

  it('imports 50 bodies from CSV all or nothing: a bad row is reported and nothing is written; a dry run tells what would change', async () => {
    const header = 'code,name,sector,department,uipEmail';
    const rows = Array.from({ length: 50 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return `FID-${n},"Fideicomiso de prueba ${n}, fondos públicos",other,,uip${n}@fideicomisos.gob.gt`;
    });
    const bad = [...rows];
    bad[29] = 'FID-030,Fideicomiso roto,galactic,,no-es-correo';
    const before = await countSubjects();

    const refused = await importCsv([header, ...bad].join('\n')).expect(400);
    expect(refused.body.error).toBe('VALIDATION_FAILED');
    expect(refused.body.message).toContain('1 fila(s) con errores');
    expect(refused.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['línea 31 (FID-030): sector', 'línea 31 (FID-030): uipEmail']);
    expect(await countSubjects()).toBe(before);

    const dryBad = await importCsv([header, ...bad].join('\n'), true).expect(200);
    expect(dryBad.body).toMatchObject({ dryRun: true, rows: 50, unchanged: 0, updated: [] });
    expect(dryBad.body.created).toHaveLength(49);
    expect(dryBad.body.errors).toEqual([
      { line: 31, code: 'FID-030', field: 'sector', message: expect.any(String) },
      { line: 31, code: 'FID-030', field: 'uipEmail', message: expect.any(String) },
    ]);

    const good = [header, ...rows].join('\r\n');
    const dry = await importCsv(good, true).expect(200);
    expect(dry.body.created).toHaveLength(50);
    expect(await countSubjects()).toBe(before);

    const done = await importCsv(good).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, rows: 50, errors: [], updated: [], unchanged: 0 });
    expect(await countSubjects()).toBe(before + 50);
    const [fid] = await env.db.query(`SELECT name, short_name, active, uip_email FROM subjects WHERE code = 'FID-007'`);
    expect(fid).toEqual({ name: 'Fideicomiso de prueba 007, fondos públicos', short_name: 'FID-007', active: true, uip_email: 'uip007@fideicomisos.gob.gt' });

    // Again, with one change: only that one is reported, and an existing seeded body can be updated too.
    const again = await importCsv([header, ...rows.slice(0, 49), 'FID-050,Fideicomiso renombrado,other,Petén,', 'SAT,Superintendencia de Administración Tributaria,decentralized,,uip@sat.gob.gt'].join('\n'), true).expect(200);
    expect(again.body.unchanged).toBe(49);
    expect(again.body.created).toEqual([]);
    expect(again.body.updated).toEqual([
      { code: 'FID-050', changes: { name: { from: 'Fideicomiso de prueba 050, fondos públicos', to: 'Fideicomiso renombrado' }, department: { from: null, to: 'Petén' }, uipEmail: { from: 'uip050@fideicomisos.gob.gt', to: null } } },
      { code: 'SAT', changes: { uipEmail: { from: null, to: 'uip@sat.gob.gt' } } },
    ]);
    const audit = await staffGet(env, admin, '/audit-events?action=subjects.imported').expect(200);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0].data.created).toHaveLength(50);
  });

  it('refuses unreadable files, unknown columns and a file without rows, writing nothing', async () => {
    const before = await countSubjects();
    await importCsv('code,name,sector\nA-1,"sin cerrar,other').expect(400);
    const unknown = await importCsv('code,nombre,sector\nA-1,Algo,other').expect(400);
    expect(unknown.body.details[0].message).toContain('nombre');
    await importCsv('name,sector\nAlgo,other').expect(400);
    await importCsv('code,name,sector\n').expect(400);
    await importCsv('code,name,sector\nA-1,Uno,other\na-1,Otra vez,other').expect(400);
    expect(await countSubjects()).toBe(before);
  });
});
