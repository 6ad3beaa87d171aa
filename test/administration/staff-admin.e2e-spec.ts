import { startTestEnvironment, TestEnvironment, uniqueEmail } from '@ventanilla/testing';
import { createUser, login, tokenFor } from '../auth/auth-helpers';
import { PASSWORD, staffGet, staffPost } from '../workflow/workflow-helpers';

/** Staff administration (api.md): users list/search/PATCH, deactivation, password reset and change, the audit trail. */
describe('staff administration (e2e)', () => {
  let env: TestEnvironment;
  let admin: string;
  let adminId: string;

  const patch = (token: string, id: string, body: object) => env.http.patch(`/api/v1/users/${id}`).set('Authorization', `Bearer ${token}`).send(body);
  const make = async (body: Record<string, unknown>) => (await createUser(env, admin, { password: PASSWORD, ...body }).expect(201)).body as { id: string; email: string };

  beforeAll(async () => {
    env = await startTestEnvironment();
    admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const [row] = await env.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [env.config.ADMIN_EMAIL]);
    adminId = row.id;
  });
  afterAll(() => env?.stop());

  it('lists and searches accounts by role, subject, state and text (name without accents, email)', async () => {
    const maria = await make({ email: uniqueEmail('maria'), name: 'María Ajcalón', role: 'uip_officer', subjectCode: 'MINFIN' });
    await make({ email: uniqueEmail('pedro'), name: 'Pedro Sis', role: 'highest_authority', subjectCode: 'MINFIN' });
    await make({ email: uniqueEmail('otro'), role: 'uip_officer', subjectCode: 'MINECO' });

    const byName = await staffGet(env, admin, '/users?q=ajcalon').expect(200);
    expect(byName.body.total).toBe(1);
    expect(byName.body.items[0]).toEqual({
      id: maria.id, email: maria.email, name: 'María Ajcalón', role: 'uip_officer', subjectCode: 'MINFIN', active: true,
      createdAt: expect.any(String), lastLoginAt: null, passwordChangeRequired: false,
    });
    const minfinOfficers = await staffGet(env, admin, '/users?role=uip_officer&subject=minfin').expect(200);
    expect(minfinOfficers.body.items.map((u: { email: string }) => u.email)).toEqual([maria.email]);
    expect((await staffGet(env, admin, `/users?q=${encodeURIComponent(maria.email.toUpperCase())}`).expect(200)).body.total).toBe(1);
    expect((await staffGet(env, admin, '/users?limit=1').expect(200)).body.items).toHaveLength(1);
    await staffGet(env, admin, '/users?role=janitor').expect(400);
    // Only admins.
    const officer = await tokenFor(env, maria.email, PASSWORD);
    await staffGet(env, officer, '/users').expect(403);
    expect((await staffGet(env, admin, `/users/${maria.id}`).expect(200)).body.lastLoginAt).toEqual(expect.any(String));
  });

  it('changes name, role and subject, keeping the role/subject rule; a refused change writes nothing', async () => {
    const user = await make({ email: uniqueEmail('cambios'), role: 'uip_officer', subjectCode: 'MINFIN' });
    expect((await patch(admin, user.id, { name: 'Rosa Tuyuc', subjectCode: 'MINECO' }).expect(200)).body).toMatchObject({ name: 'Rosa Tuyuc', subjectCode: 'MINECO' });
    // A role without a subject drops it; back to a subject role, one must be given.
    expect((await patch(admin, user.id, { role: 'pdh_monitor' }).expect(200)).body).toMatchObject({ role: 'pdh_monitor', subjectCode: null });
    const refused = await patch(admin, user.id, { role: 'uip_officer' }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'subjectCode', message: expect.stringContaining('obligatorio') }]);
    const unknown = await patch(admin, user.id, { role: 'uip_officer', subjectCode: 'NO-EXISTE' }).expect(400);
    expect(unknown.body.details[0].field).toBe('subjectCode');
    await patch(admin, user.id, { role: 'pdh_monitor', subjectCode: 'MINFIN' }).expect(400);
    await patch(admin, user.id, { email: 'otro@x.gt' }).expect(400);
    await patch(admin, user.id, { name: '\u200b \u200b' }).expect(400);
    expect((await staffGet(env, admin, `/users/${user.id}`).expect(200)).body).toMatchObject({ role: 'pdh_monitor', subjectCode: null, name: 'Rosa Tuyuc' });
    await patch(admin, '00000000-0000-0000-0000-000000000000', { name: 'X' }).expect(404);
  });

  it("deactivation ends a live token at once; reactivation does not bring it back", async () => {
    const user = await make({ email: uniqueEmail('baja'), role: 'uip_officer', subjectCode: 'MINFIN' });
    const token = await tokenFor(env, user.email, PASSWORD);
    await staffGet(env, token, '/cases').expect(200);
    expect((await patch(admin, user.id, { active: false }).expect(200)).body.active).toBe(false);
    await staffGet(env, token, '/cases').expect(401);
    await login(env, user.email, PASSWORD).expect(401);
    await patch(admin, user.id, { active: true }).expect(200);
    await staffGet(env, token, '/cases').expect(401);
    await staffGet(env, await tokenFor(env, user.email, PASSWORD), '/cases').expect(200);
    // An admin cannot lock themselves out.
    await patch(admin, adminId, { active: false }).expect(409);
    await patch(admin, adminId, { role: 'pdh_monitor' }).expect(409);
  });

  it('a reset password must be replaced at the next sign-in; the old tokens stop working', async () => {
    const user = await make({ email: uniqueEmail('olvido'), role: 'uip_officer', subjectCode: 'MINFIN' });
    const before = await tokenFor(env, user.email, PASSWORD);
    const reset = await staffPost(env, admin, `/users/${user.id}/password-reset`).expect(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[A-Za-z2-9]{16}$/);
    await staffGet(env, before, '/cases').expect(401);
    await login(env, user.email, PASSWORD).expect(401);

    const signIn = await login(env, user.email, temporary).expect(200);
    expect(signIn.body.user.passwordChangeRequired).toBe(true);
    const pending = signIn.body.accessToken as string;
    const blocked = await staffGet(env, pending, '/cases').expect(403);
    expect(blocked.body.message).toContain('contraseña nueva');
    // A wrong current password, or the same one again, changes nothing.
    await staffPost(env, pending, '/auth/password', { currentPassword: 'no-es-esta-123', newPassword: 'nueva-clave-segura-1' }).expect(400);
    await staffPost(env, pending, '/auth/password', { currentPassword: temporary, newPassword: temporary }).expect(400);
    await staffPost(env, pending, '/auth/password', { currentPassword: temporary, newPassword: 'corta' }).expect(400);
    await staffPost(env, pending, '/auth/password', { currentPassword: temporary, newPassword: 'nueva-clave-segura-1' }).expect(204);
    await staffGet(env, pending, '/cases').expect(401);
    await login(env, user.email, temporary).expect(401);
    const fresh = await login(env, user.email, 'nueva-clave-segura-1').expect(200);
    expect(fresh.body.user.passwordChangeRequired).toBe(false);
    await staffGet(env, fresh.body.accessToken, '/cases').expect(200);
    await staffPost(env, null, '/auth/password', { currentPassword: 'x', newPassword: 'nueva-clave-segura-2' }).expect(401);
  });

  it('records every admin action, listable by an admin only', async () => {
    const user = await make({ email: uniqueEmail('auditada'), role: 'uip_officer', subjectCode: 'MINFIN' });
    await patch(admin, user.id, { name: 'Auditada' }).expect(200);
    await patch(admin, user.id, { active: false }).expect(200);
    await patch(admin, user.id, { active: true }).expect(200);
    await staffPost(env, admin, `/users/${user.id}/password-reset`).expect(200);
    const events = await staffGet(env, admin, `/audit-events?targetKind=user&targetId=${user.id}`).expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.password_reset', 'user.reactivated', 'user.deactivated', 'user.updated', 'user.created',
    ]);
    expect(events.body.items[3]).toMatchObject({
      actor: { id: adminId, email: env.config.ADMIN_EMAIL },
      targetKind: 'user',
      data: { changes: { name: { from: null, to: 'Auditada' } } },
      at: expect.any(String),
    });
    expect(JSON.stringify(events.body)).not.toMatch(/password_hash|argon2|contraseña-segura/);
    expect((await staffGet(env, admin, '/audit-events?action=user.deactivated').expect(200)).body.total).toBeGreaterThanOrEqual(1);
    // A range of instants: [from, to).
    const at = events.body.items[4].at as string;
    const since = (from: string, to?: string) => `/audit-events?targetId=${user.id}&from=${encodeURIComponent(from)}${to ? `&to=${encodeURIComponent(to)}` : ''}`;
    expect((await staffGet(env, admin, since(at)).expect(200)).body.total).toBe(5);
    expect((await staffGet(env, admin, since(new Date(Date.parse(at) - 60_000).toISOString(), at)).expect(200)).body.total).toBe(0);
    expect((await staffGet(env, admin, since(new Date(Date.now() + 60_000).toISOString())).expect(200)).body.total).toBe(0);
    await staffGet(env, admin, '/audit-events?from=2026-12-01T10:00').expect(400);
    const officer = await tokenFor(env, (await make({ email: uniqueEmail('curiosa'), role: 'uip_officer', subjectCode: 'MINFIN' })).email, PASSWORD);
    await staffGet(env, officer, '/audit-events').expect(403);
  });
});
