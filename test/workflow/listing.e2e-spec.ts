import { Clock } from '@ventanilla/config';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import { createStaff, fileWeb, Filed, OTHER, OWN, registerOld, RESOLUTION, staffGet, staffPost, StaffTokens } from './workflow-helpers';

interface Item {
  id: string;
  subject: { code: string };
  status: string;
  overdue: boolean;
  dueDate: string;
  extendedDueDate: string | null;
  receivedAt: string;
  description: string;
  requester: { name: string; email: string | null; phone: string | null; address: string | null } | null;
}

describe('staff listing and reading of cases (e2e)', () => {
  let env: TestEnvironment;
  let tokens: StaffTokens;
  let fresh: Filed;
  let old: Filed;
  let resolved: Filed;
  let foreign: Filed;

  beforeAll(async () => {
    env = await startTestEnvironment();
    tokens = await createStaff(env);
    fresh = await fileWeb(env, OWN, 'fresh');
    old = await registerOld(env, tokens.officer, 35, 'old');
    resolved = await fileWeb(env, OWN, 'resolved');
    await staffPost(env, tokens.officer, `/cases/${resolved.caseId}/resolution`, RESOLUTION).expect(200);
    foreign = await fileWeb(env, OTHER, 'foreign');
  });
  afterAll(() => env?.stop());

  const list = async (token: string, query = '') => (await staffGet(env, token, `/cases${query}`).expect(200)).body as { items: Item[]; total: number };
  const termOf = (i: Item) => i.extendedDueDate ?? i.dueDate;

  it('gives officers their own subject only, by term then reception, with the requester and the description', async () => {
    const body = await list(tokens.officer);
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.subject.code)).toEqual([OWN, OWN, OWN]);
    expect(body.items[0].id).toBe(old.caseId);
    for (let k = 1; k < body.items.length; k++) {
      const [a, b] = [body.items[k - 1], body.items[k]];
      expect(termOf(a) < termOf(b) || (termOf(a) === termOf(b) && a.receivedAt <= b.receivedAt)).toBe(true);
    }
    const mine = body.items.find((i) => i.id === fresh.caseId)!;
    expect(mine.description).toBe('Copia del presupuesto municipal aprobado para 2026');
    expect(mine.requester).toEqual({ name: 'Ana López', email: fresh.email, phone: '+502 5555 0000', address: 'Zona 1, Guatemala' });
    // The highest authority of the subject reads the same list.
    expect((await list(tokens.authority)).items.map((i) => i.id)).toEqual(body.items.map((i) => i.id));
  });

  it('finds nothing when an officer filters by another subject', async () => {
    expect(await list(tokens.officer, `?subject=${OTHER}`)).toEqual({ items: [], total: 0 });
    expect((await list(tokens.officer, `?subject=${OWN.toLowerCase()}`)).total).toBe(3);
    expect((await list(tokens.otherOfficer)).items.map((i) => i.id)).toEqual([foreign.caseId]);
  });

  it('gives the PDH every case with the description and no requester contact details', async () => {
    const body = await list(tokens.monitor);
    expect(body.total).toBe(4);
    expect(new Set(body.items.map((i) => i.subject.code))).toEqual(new Set([OWN, OTHER]));
    for (const item of body.items) {
      expect(item.requester).toBeNull();
      expect(item.description).toEqual(expect.any(String));
    }
    const text = JSON.stringify(body);
    for (const secret of [fresh.email, old.email, 'Ana López', 'Juan Pérez', '5555', 'Zona 1']) expect(text).not.toContain(secret);
    const one = await staffGet(env, tokens.monitor, `/cases/${fresh.caseId}`).expect(200);
    expect(one.body.requester).toBeNull();
    expect(JSON.stringify(one.body)).not.toContain(fresh.email);
    // Admins see the whole case.
    expect((await staffGet(env, tokens.admin, `/cases/${fresh.caseId}`).expect(200)).body.requester.email).toBe(fresh.email);
    expect((await list(tokens.monitor, `?subject=${OTHER}`)).items.map((i) => i.id)).toEqual([foreign.caseId]);
  });

  it('filters by status and by overdue, computed against the term that applies', async () => {
    expect((await list(tokens.officer, '?status=resolved')).items.map((i) => i.id)).toEqual([resolved.caseId]);
    expect((await list(tokens.officer, '?status=received')).total).toBe(2);
    const overdue = await list(tokens.officer, '?overdue=true');
    expect(overdue.items.map((i) => i.id)).toEqual([old.caseId]);
    expect(overdue.items[0].overdue).toBe(true);
    const notOverdue = await list(tokens.officer, '?overdue=false');
    expect(notOverdue.items.map((i) => i.id).sort()).toEqual([fresh.caseId, resolved.caseId].sort());
    expect((await list(tokens.monitor, '?overdue=true&status=received')).items.map((i) => i.id)).toEqual([old.caseId]);
  });

  it('judges overdue by the service clock: a month later the fresh case is overdue too', async () => {
    const now = Date.now();
    jest.spyOn(env.api.get(Clock), 'now').mockImplementation(() => new Date(now + 30 * 86_400_000));
    try {
      const overdue = await list(tokens.officer, '?overdue=true');
      expect(overdue.items.map((i) => i.id).sort()).toEqual([fresh.caseId, old.caseId].sort());
      const item = overdue.items.find((i) => i.id === fresh.caseId)! as Item & { fictaDueDate: string | null };
      expect(item.overdue).toBe(true);
      expect(item.fictaDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await list(tokens.officer, '?overdue=false')).items.map((i) => i.id)).toEqual([resolved.caseId]);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('pages with limit and offset and reports the total', async () => {
    const all = await list(tokens.officer);
    const first = await list(tokens.officer, '?limit=2');
    const rest = await list(tokens.officer, '?limit=2&offset=2');
    expect(first.total).toBe(3);
    expect(rest.total).toBe(3);
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect((await list(tokens.officer, '?offset=50')).items).toEqual([]);
  });

  it.each([
    ['?status=open', 'status'],
    ['?overdue=yes', 'overdue'],
    ['?overdue=1', 'overdue'],
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?limit=abc', 'limit'],
    ['?offset=-1', 'offset'],
    ['?subject=MIN%20FIN', 'subject'],
    ['?sort=dueDate', 'sort'],
  ])('refuses %s with VALIDATION_FAILED on %s', async (query, field) => {
    const res = await staffGet(env, tokens.officer, `/cases${query}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 404 for another subject, an unknown id and a malformed id', async () => {
    const other = await staffGet(env, tokens.officer, `/cases/${foreign.caseId}`).expect(404);
    expect(other.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    await staffGet(env, tokens.authority, `/cases/${foreign.caseId}`).expect(404);
    await staffGet(env, tokens.officer, '/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await staffGet(env, tokens.officer, '/cases/not-a-uuid').expect(404);
    await staffGet(env, tokens.monitor, "/cases/1'%20OR%20'1'='1").expect(404);
    const mine = await staffGet(env, tokens.otherOfficer, `/cases/${foreign.caseId}`).expect(200);
    expect(mine.body).toMatchObject({ id: foreign.caseId, subject: { code: OTHER }, requester: { email: foreign.email } });
  });
});
