import { filingBody, PrivateRedis, startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import argon2 from 'argon2';

interface Filing {
  folio: string;
  accessCode: string;
  cases: { id: string }[];
}

const OWNER = '200.6.1.10';
const CAFE = '190.56.7.7';
const ATTACKER = '181.174.9.9';

/** Requests from distinct client addresses, as a reverse proxy (TRUST_PROXY) reports them. */
function client(env: TestEnvironment, address: string) {
  return {
    lookup: (folio: string, code: string) => env.http.get(`/api/v1/requests/${folio}`).set('X-Forwarded-For', address).set('X-Access-Code', code),
    withdraw: (f: Filing, code: string) =>
      env.http.post(`/api/v1/requests/${f.folio}/cases/${f.cases[0].id}/withdrawal`).set('X-Forwarded-For', address).set('X-Access-Code', code).send({}),
  };
}

let wrongCodes = 0;
/** A code that is not the right one. */
const wrong = () => `WRONGCODE${++wrongCodes}`;

async function file(env: TestEnvironment): Promise<Filing> {
  return (await env.http.post('/api/v1/requests').send(filingBody({ subjects: ['MINFIN'] })).expect(201)).body as Filing;
}

describe('access codes nobody can abuse (e2e)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment({
      env: { TRUST_PROXY: 'true', ACCESS_CODE_MAX_FAILURES: '5', ACCESS_CODE_LOCK_SECONDS: '900', ACCESS_CODE_ADDRESS_MAX_FAILURES: '30' },
    });
  });
  afterAll(() => env?.stop());

  it('lets the owner in from a shared address after 5 wrong codes there on other folios', async () => {
    const mine = await file(env);
    const others = [await file(env), await file(env)];
    const cafe = client(env, CAFE);
    for (let i = 0; i < 5; i++) await cafe.lookup(others[i % 2].folio, wrong()).expect(403);
    const res = await cafe.lookup(mine.folio, mine.accessCode).expect(200);
    expect(res.body.requester.name).toBe('Ana López');
  });

  it("lets the owner in after an attacker's 5 wrong codes on the owner's folio from another address", async () => {
    const mine = await file(env);
    const attacker = client(env, ATTACKER);
    for (let i = 0; i < 5; i++) await attacker.lookup(mine.folio, wrong()).expect(403);
    // The attacker is now held back on this folio, even with the right code...
    const held = await attacker.lookup(mine.folio, mine.accessCode).expect(429);
    expect(held.body).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED', message: expect.stringMatching(/Demasiados/) });
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(800);
    // ...and the owner is not: not for reading, not for acting.
    await client(env, OWNER).lookup(mine.folio, mine.accessCode).expect(200);
    await client(env, OWNER).withdraw(mine, mine.accessCode).expect(200);
    // The public view needs no code and stays open to everyone.
    await env.http.get(`/api/v1/requests/${mine.folio}`).set('X-Forwarded-For', ATTACKER).expect(200);
  });

  it('evaluates at most the limit of 40 parallel guesses', async () => {
    const target = await file(env);
    const guesser = client(env, '181.174.40.40');
    const answers = await Promise.all(Array.from({ length: 40 }, () => guesser.lookup(target.folio, wrong())));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('limits one address across folios, at a size made for a shared address', async () => {
    const folios = await Promise.all(Array.from({ length: 8 }, () => file(env)));
    const busy = client(env, '190.56.30.30');
    // 30 wrong codes spread over 8 folios (under 5 per folio): the address's allowance.
    for (let i = 0; i < 30; i++) await busy.lookup(folios[i % 8].folio, wrong()).expect(403);
    const locked = await busy.lookup(folios[0].folio, folios[0].accessCode).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3000);
    // Another address is not affected.
    await client(env, OWNER).lookup(folios[0].folio, folios[0].accessCode).expect(200);
  });

  it('counts IPv6 clients by their /64', async () => {
    const target = await file(env);
    for (let i = 1; i <= 5; i++) await client(env, `2001:db8:1:2::${i}`).lookup(target.folio, wrong()).expect(403);
    await client(env, '2001:db8:1:2:ffff::9').lookup(target.folio, target.accessCode).expect(429);
    await client(env, '2001:db8:1:3::1').lookup(target.folio, target.accessCode).expect(200);
  });

  it("never counts the owner's right codes as failures", async () => {
    const mine = await file(env);
    const owner = client(env, '200.6.50.50');
    for (let i = 0; i < 12; i++) await owner.lookup(mine.folio, mine.accessCode).expect(200);
    for (let i = 0; i < 4; i++) await owner.lookup(mine.folio, wrong()).expect(403);
    await owner.lookup(mine.folio, mine.accessCode).expect(200);
  });

  it('lets more simultaneous right codes through than the limit, and still stops the wrong ones at it', async () => {
    // A family or an office opening the same request on several devices behind one address:
    // right codes hold no allowance, even for an instant, so none is turned away.
    const mine = await file(env);
    const office = client(env, '200.6.60.60');
    const right = await Promise.all(Array.from({ length: 12 }, () => office.lookup(mine.folio, mine.accessCode)));
    expect(right.map((r) => r.status)).toEqual(Array(12).fill(200));
    const mixed = await Promise.all(Array.from({ length: 12 }, (_, i) => office.lookup(mine.folio, i % 2 ? mine.accessCode : wrong())));
    const wrongAnswers = mixed.filter((_, i) => i % 2 === 0).map((r) => r.status);
    expect(wrongAnswers.filter((s) => s === 403)).toHaveLength(5);
    expect(wrongAnswers.filter((s) => s === 429)).toHaveLength(1);
  });

  it('stores codes as HMAC-SHA-256, and rehashes a legacy argon2id hash on its next right use', async () => {
    const fresh = await file(env);
    const [stored] = await env.db.query(`SELECT access_code_hash FROM requests WHERE folio = $1`, [fresh.folio]);
    expect(stored.access_code_hash).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
    expect(stored.access_code_hash).not.toContain(fresh.accessCode);

    const legacy = await file(env);
    const argon = await argon2.hash(legacy.accessCode, { type: argon2.argon2id });
    await env.db.query(`UPDATE requests SET access_code_hash = $2 WHERE folio = $1`, [legacy.folio, argon]);
    const who = client(env, '200.6.60.60');
    await who.lookup(legacy.folio, wrong()).expect(403);
    expect((await env.db.query(`SELECT access_code_hash FROM requests WHERE folio = $1`, [legacy.folio]))[0].access_code_hash).toBe(argon);
    await who.lookup(legacy.folio, legacy.accessCode.toLowerCase()).expect(200);
    const [rehashed] = await env.db.query(`SELECT access_code_hash FROM requests WHERE folio = $1`, [legacy.folio]);
    expect(rehashed.access_code_hash).toMatch(/^hmac-sha256\$/);
    await who.lookup(legacy.folio, legacy.accessCode).expect(200);
    await who.lookup(legacy.folio, wrong()).expect(403);
  });
});

describe('access-code limits while Redis is down (e2e)', () => {
  const redis = new PrivateRedis();
  let env: TestEnvironment;

  beforeAll(async () => {
    await redis.start();
    env = await startTestEnvironment({ env: { REDIS_URL: redis.url, TRUST_PROXY: 'true', ACCESS_CODE_MAX_FAILURES: '5' } });
  });
  afterAll(async () => {
    await redis.start();
    await env?.stop();
    await redis.stop();
  });

  it('keeps counting in PostgreSQL: parallel guesses still stop at the limit, the owner still gets in', async () => {
    const target = await file(env);
    await redis.stop();
    const guesser = client(env, ATTACKER);
    const answers = await Promise.all(Array.from({ length: 20 }, () => guesser.lookup(target.folio, wrong())));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const held = await guesser.lookup(target.folio, target.accessCode).expect(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    await client(env, OWNER).lookup(target.folio, target.accessCode).expect(200);
    await redis.start();
  });
});
