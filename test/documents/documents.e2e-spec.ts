import { DocumentStorage, DocumentUploads, OrphanSweep, DOCUMENTS_SETTINGS, DocumentsSettings } from '@ventanilla/documents';
import { Clock } from '@ventanilla/config';
import { docx, jpeg, pdf, png, S3Server, startTestEnvironment, TestEnvironment, writeLargePdf, xlsx } from '@ventanilla/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createStaff, fileWeb, Filed, mailTo, RESOLUTION, staffGet, staffPost, StaffTokens } from '../workflow/workflow-helpers';
import { memoryGrowth, sha256OfFile, streamDownload, streamUpload } from './documents-helpers';

const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const HTML_SVG = 'text/html,image/svg+xml';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(['local', 's3'] as const)('documents with the %s storage driver (e2e)', (driver) => {
  let env: TestEnvironment;
  let tokens: StaffTokens;
  let baseUrl: string;
  let work: string;
  let spoolDir: string;
  let storage: DocumentStorage;
  const s3 = new S3Server();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), `vt-docs-${driver}-`));
    spoolDir = join(work, 'spool');
    const storageEnv: Record<string, string> =
      driver === 's3'
        ? await s3.start().then((s) => ({
            DOCUMENTS_STORAGE: 's3',
            S3_ENDPOINT: s.endpoint,
            S3_ACCESS_KEY_ID: s.accessKeyId,
            S3_SECRET_ACCESS_KEY: s.secretAccessKey,
            S3_BUCKET: 'ventanilla-test',
          }))
        : { DOCUMENTS_STORAGE: 'local', DOCUMENTS_DIR: join(work, 'documents') };
    env = await startTestEnvironment({
      worker: true,
      env: {
        ...storageEnv,
        DOCUMENTS_SPOOL_DIR: spoolDir,
        // The defaults, plus two types a browser could run, to show they are never served inline.
        DOCUMENTS_ALLOWED_TYPES: `application/pdf,image/png,image/jpeg,text/csv,text/plain,${docxType},${xlsxType},${HTML_SVG}`,
      },
    });
    await env.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(env.api.getHttpServer().address() as AddressInfo).port}`;
    storage = env.api.get(DocumentStorage);
    tokens = await createStaff(env);
  });
  afterAll(async () => {
    await env?.stop();
    await s3.stop();
    await rm(work, { recursive: true, force: true });
  });

  const upload = (caseId: string, content: Buffer, name: string, type: string, token = tokens.officer, fields: Record<string, string> = {}) => {
    const req = env.http.post(`/api/v1/cases/${caseId}/documents`).set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', content, { filename: name, contentType: type });
  };
  const download = (id: string, headers: Record<string, string> = {}) => {
    const req = env.http.get(`/api/v1/documents/${id}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req;
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const o of storage.list()) keys.push(o.key);
    return keys;
  };
  const documentsOf = async (caseId: string) => (await env.db.query(`SELECT count(*)::int AS n FROM documents WHERE case_id = $1`, [caseId]))[0].n as number;
  const spoolFiles = async () => (await readdir(spoolDir).catch(() => [] as string[])).length;
  /** Nothing of a refused upload is anywhere: no row, no object, no spool file. */
  const expectNothingStored = async (caseId: string, keysBefore: string[]) => {
    expect(await documentsOf(caseId)).toBe(0);
    expect((await storedKeys()).sort()).toEqual([...keysBefore].sort());
    expect(await spoolFiles()).toBe(0);
  };

  it('stores exactly the uploaded bytes: a 20 MB sha256 round trip, streamed, with the memory it took', async () => {
    const filed = await fileWeb(env, 'MINFIN', `big-${driver}`);
    const path = join(work, 'big.pdf');
    await writeLargePdf(path, 20 * MiB);
    const expected = await sha256OfFile(path);

    const up = await memoryGrowth(() => streamUpload(baseUrl, tokens.officer, filed.caseId, { path, name: 'Presupuesto 2026 (anexos).pdf', type: 'application/pdf' }));
    const answer = up.result;
    if (answer === 'aborted') throw new Error('upload aborted');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'Presupuesto 2026 (anexos).pdf', mediaType: 'application/pdf', size: 20 * MiB, sha256: expected, public: true });

    const down = await memoryGrowth(() => streamDownload(`${baseUrl}/api/v1/documents/${answer.body.id as string}`, bearer(tokens.officer)));
    expect(down.result).toMatchObject({ status: 200, sha256: expected, size: 20 * MiB });
    expect(down.result.headers.etag).toBe(`"${expected}"`);
    // Printed for the record (the api runs in this process, so the client's share is in it too).
    console.log(
      `[documentos ${driver}] 20 MiB: crecimiento de memoria del api al subir rss +${up.rss} MiB, heap +${up.heap} MiB, buffers +${up.buffers} MiB; ` +
        `al bajar rss +${down.rss} MiB, heap +${down.heap} MiB, buffers +${down.buffers} MiB`,
    );
    // Streaming, never the whole file: the process does not grow by the file's 20 MiB. (Buffers
    // count chunks already passed on and not yet collected, so only the resident size is asserted.)
    expect(up.rss).toBeLessThan(20);
    expect(down.rss).toBeLessThan(20);
    expect(await spoolFiles()).toBe(0);
  });

  it('refuses a 26 MB upload with 413 and stores nothing, with or without Content-Length', async () => {
    const filed = await fileWeb(env, 'MINFIN', `huge-${driver}`);
    const path = join(work, 'huge.pdf');
    await writeLargePdf(path, 26 * MiB);
    const before = await storedKeys();
    for (const chunked of [false, true]) {
      const answer = await streamUpload(baseUrl, tokens.officer, filed.caseId, { path, name: 'enorme.pdf', type: 'application/pdf' }, { chunked });
      if (answer === 'aborted') throw new Error('upload aborted');
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
      await expectNothingStored(filed.caseId, before);
    }
  });

  it('keeps the connection usable after refusing an upload mid-body: the next request on it is answered', async () => {
    const filed = await fileWeb(env, 'MINFIN', `again-${driver}`);
    // Just past the limit, so the part the api no longer needs fits in the sockets' buffers and
    // the client finishes sending; one keep-alive connection, so the next request goes on it.
    const path = join(work, 'just-too-big.pdf');
    await writeLargePdf(path, 25 * MiB + 512 * 1024);
    const small = join(work, 'small.pdf');
    await writeFile(small, pdf('Acta de la sesión'));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await streamUpload(baseUrl, tokens.officer, filed.caseId, { path, name: 'grande.pdf', type: 'application/pdf' }, { chunked: true, agent });
      expect(refused).toMatchObject({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE' } });
      const next = await streamUpload(baseUrl, tokens.officer, filed.caseId, { path: small, name: 'acta.pdf', type: 'application/pdf' }, { agent });
      expect(next).toMatchObject({ status: 201, reusedSocket: true, body: { name: 'acta.pdf' } });
    } finally {
      agent.destroy();
    }
    expect(await documentsOf(filed.caseId)).toBe(1);
    expect(await spoolFiles()).toBe(0);
  });

  it('refuses content that does not match its declared type, and types outside the list (415), storing nothing', async () => {
    const filed = await fileWeb(env, 'MINFIN', `mismatch-${driver}`);
    const before = await storedKeys();
    for (const [content, name, type] of [
      [png(), 'foto.pdf', 'application/pdf'],
      [pdf(), 'acta.png', 'image/png'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'foto.png', 'image/png'],
      [pdf(), 'notas.txt', 'text/plain'],
      [docx(), 'hoja.xlsx', xlsxType],
      [Buffer.from('MZ\x90\x00binario'), 'programa.exe', 'application/x-msdownload'],
      [Buffer.from('GIF89a'), 'imagen.gif', 'image/gif'],
    ] as const) {
      const res = await upload(filed.caseId, content, name, type).expect(415);
      expect(res.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    await expectNothingStored(filed.caseId, before);
  });

  it('accepts each default kind, reading a generic declaration from the extension, and sanitizes the name', async () => {
    const filed = await fileWeb(env, 'MINFIN', `kinds-${driver}`);
    const cases: [Buffer, string, string, string][] = [
      [jpeg(), 'foto.jpg', 'image/jpg', 'image/jpeg'],
      [docx(), 'informe.docx', 'application/octet-stream', docxType],
      [xlsx(), 'C:\\datos\\montos.xlsx', xlsxType, xlsxType],
      [Buffer.from('año;monto\n2026;10\n'), 'montos.csv', 'application/vnd.ms-excel', 'text/csv'],
    ];
    for (const [content, name, declared, stored] of cases) {
      const res = await upload(filed.caseId, content, name, declared).expect(201);
      expect(res.body).toMatchObject({ mediaType: stored, size: content.length, sha256: sha256(content) });
    }
    const names = (await staffGet(env, tokens.officer, `/cases/${filed.caseId}`).expect(200)).body.documents.map((d: { name: string }) => d.name);
    expect(names).toEqual(['foto.jpg', 'informe.docx', 'montos.xlsx', 'montos.csv']);
  });

  it('checks who uploads before reading the file, and refuses malformed forms (400), storing nothing', async () => {
    const filed = await fileWeb(env, 'MINFIN', `who-${driver}`);
    const before = await storedKeys();
    await env.http.post(`/api/v1/cases/${filed.caseId}/documents`).attach('file', pdf(), 'a.pdf').expect(401);
    await upload(filed.caseId, pdf(), 'a.pdf', 'application/pdf', tokens.authority).expect(403);
    await upload(filed.caseId, pdf(), 'a.pdf', 'application/pdf', tokens.monitor).expect(403);
    await upload(filed.caseId, pdf(), 'a.pdf', 'application/pdf', tokens.otherOfficer).expect(404);
    await upload('00000000-0000-0000-0000-000000000000', pdf(), 'a.pdf', 'application/pdf').expect(404);
    await upload('no-es-uuid', pdf(), 'a.pdf', 'application/pdf').expect(404);
    const unknown = await upload(filed.caseId, pdf(), 'a.pdf', 'application/pdf', tokens.officer, { carpeta: 'x' }).expect(400);
    expect(unknown.body.details[0]).toMatchObject({ field: 'carpeta' });
    await upload(filed.caseId, pdf(), 'a.pdf', 'application/pdf', tokens.officer, { public: 'quizás' }).expect(400);
    await upload(filed.caseId, Buffer.alloc(0), 'vacio.txt', 'text/plain').expect(400);
    const noFile = await env.http.post(`/api/v1/cases/${filed.caseId}/documents`).set(bearer(tokens.officer)).field('public', 'true').expect(400);
    expect(noFile.body.details[0]).toMatchObject({ field: 'file' });
    const json = await staffPost(env, tokens.officer, `/cases/${filed.caseId}/documents`, { file: 'x' }).expect(415);
    expect(json.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    await expectNothingStored(filed.caseId, before);
  });

  it('refuses a lone UTF-16 surrogate in a form field or in the file name (400), as in JSON bodies, storing nothing', async () => {
    const filed = await fileWeb(env, 'MINFIN', `surrogate-${driver}`);
    const before = await storedKeys();
    // A part may declare its charset; in UTF-16 a surrogate can come without its pair.
    const boundary = 'vtSurrogate';
    const utf16 = (text: string) => [...Buffer.from(text, 'utf16le')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const filePart = (disposition: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/plain\r\n\r\nnota\n\r\n--${boundary}--\r\n`);
    const bodies = {
      field: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="public"\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\n`),
        Buffer.from('true\uD800', 'utf16le'),
        Buffer.from('\r\n'),
        filePart('filename="nota.txt"'),
      ]),
      fileName: filePart(`filename*=utf-16le''${utf16('nota\uDC00.txt')}`),
    };
    for (const body of Object.values(bodies)) {
      const res = await env.http
        .post(`/api/v1/cases/${filed.caseId}/documents`)
        .set(bearer(tokens.officer))
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('sustituto UTF-16 sin pareja') });
    }
    await expectNothingStored(filed.caseId, before);
    // The same parts, well formed, are accepted: only the surrogate was refused.
    await env.http
      .post(`/api/v1/cases/${filed.caseId}/documents`)
      .set(bearer(tokens.officer))
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(filePart(`filename*=utf-16le''${utf16('nota.txt')}`))
      .expect(201);
  });

  it('leaves no row, object or spool file when the client goes away mid-upload', async () => {
    const filed = await fileWeb(env, 'MINFIN', `abort-${driver}`);
    const path = join(work, 'abort.pdf');
    await writeLargePdf(path, 8 * MiB);
    const before = await storedKeys();
    // The api's own handling of the upload, to wait for its end rather than for a while.
    const handled = jest.spyOn(env.api.get(DocumentUploads), 'upload');
    try {
      let midway = false;
      expect(await streamUpload(baseUrl, tokens.officer, filed.caseId, { path, name: 'corte.pdf', type: 'application/pdf' }, {
        abortAfterBytes: 3 * MiB,
        // Midway for real: the api is already writing the upload to its spool folder.
        abortWhen: async () => (midway = (await spoolFiles()) > 0),
      })).toBe('aborted');
      expect(midway).toBe(true);
      expect(handled).toHaveBeenCalledTimes(1);
      // The spool file goes before the upload's answer (a refusal) is settled.
      await expect(handled.mock.results[0].value).rejects.toBeDefined();
    } finally {
      handled.mockRestore();
    }
    expect(await readdir(spoolDir)).toEqual([]);
    await expectNothingStored(filed.caseId, before);
  });

  it('keeps at most 20 documents per case (409 past it)', async () => {
    const filed = await fileWeb(env, 'MINFIN', `limit-${driver}`);
    for (let i = 1; i <= 20; i += 1) await upload(filed.caseId, Buffer.from(`nota ${i}\n`), `nota-${i}.txt`, 'text/plain').expect(201);
    const res = await upload(filed.caseId, Buffer.from('una más\n'), 'nota-21.txt', 'text/plain').expect(409);
    expect(res.body.error).toBe('CONFLICT');
    expect(await documentsOf(filed.caseId)).toBe(20);
  });

  describe('access per role and per public flag, delivery with the resolution, ranges', () => {
    let filed: Filed;
    const content = { pub: pdf('Presupuesto aprobado'), priv: png(), draft: Buffer.from('borrador interno\n') };
    const ids = { pub: '', priv: '', draft: '' };

    beforeAll(async () => {
      filed = await fileWeb(env, 'MINFIN', `access-${driver}`);
      ids.pub = (await upload(filed.caseId, content.pub, 'Presupuesto.pdf', 'application/pdf').expect(201)).body.id;
      ids.priv = (await upload(filed.caseId, content.priv, 'Firma.png', 'image/png', tokens.officer, { public: 'false' }).expect(201)).body.id;
      ids.draft = (await upload(filed.caseId, content.draft, 'borrador.txt', 'text/plain').expect(201)).body.id;
    });

    const status = async (id: string, headers: Record<string, string> = {}) => (await download(id, headers)).status;

    it('before the resolution: the subject’s staff and the PDH read every document; the requester, the public, other staff and admins get 404', async () => {
      for (const id of Object.values(ids)) {
        expect(await status(id, bearer(tokens.officer))).toBe(200);
        expect(await status(id, bearer(tokens.authority))).toBe(200);
        expect(await status(id, bearer(tokens.monitor))).toBe(200);
        expect(await status(id)).toBe(404);
        expect(await status(id, { 'X-Access-Code': filed.accessCode })).toBe(404);
        expect(await status(id, bearer(tokens.otherOfficer))).toBe(404);
        expect(await status(id, bearer(tokens.otherAuthority))).toBe(404);
        expect(await status(id, bearer(tokens.admin))).toBe(404);
      }
      const publicView = (await env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body;
      expect(publicView.cases[0].documents).toEqual([]);
      const staffView = (await staffGet(env, tokens.officer, `/cases/${filed.caseId}`).expect(200)).body;
      expect(staffView.documents.map((d: { id: string }) => d.id)).toEqual([ids.pub, ids.priv, ids.draft]);
    });

    it('refuses documents of another case in the resolution (400) and changes nothing', async () => {
      const other = await fileWeb(env, 'MINFIN', `foreign-${driver}`);
      const res = await staffPost(env, tokens.officer, `/cases/${other.caseId}/resolution`, { ...RESOLUTION, documentIds: [ids.pub] }).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'documentIds' });
      expect((await staffGet(env, tokens.officer, `/cases/${other.caseId}`).expect(200)).body.status).toBe('received');
      await staffPost(env, tokens.officer, `/cases/${other.caseId}/resolution`, { ...RESOLUTION, documentIds: ['no-uuid'] }).expect(400);
    });

    it('the resolution delivers two of them; the mail lists them with links to the request’s page', async () => {
      const res = await staffPost(env, tokens.officer, `/cases/${filed.caseId}/resolution`, { ...RESOLUTION, documentIds: [ids.pub, ids.priv] }).expect(200);
      const delivered = Object.fromEntries(res.body.documents.map((d: { id: string; delivered: boolean }) => [d.id, d.delivered]));
      expect(delivered).toEqual({ [ids.pub]: true, [ids.priv]: true, [ids.draft]: false });
      const mail = await mailTo(env, filed.email, 'resolvió');
      expect(mail.text).toContain('Presupuesto.pdf');
      expect(mail.text).toContain('Firma.png');
      expect(mail.text).not.toContain('borrador.txt');
      expect(mail.text).toContain(`${env.config.PUBLIC_BASE_URL}/solicitudes/${filed.folio}#documento-${ids.pub}`);
      await upload(filed.caseId, pdf(), 'tarde.pdf', 'application/pdf').expect(409);
    });

    it('after it: the public reads the public one; the requester both delivered; the draft stays with staff', async () => {
      const code = { 'X-Access-Code': filed.accessCode };
      expect(await status(ids.pub)).toBe(200);
      expect(await status(ids.pub, bearer(tokens.otherOfficer))).toBe(200);
      expect(await status(ids.priv)).toBe(404);
      expect(await status(ids.draft)).toBe(404);
      expect(await status(ids.priv, code)).toBe(200);
      expect(await status(ids.draft, code)).toBe(404);
      expect(await status(ids.priv, { 'X-Access-Code': 'AAAAAAAAAAAA' })).toBe(403);
      expect(await status(ids.priv, bearer(tokens.otherOfficer))).toBe(404);
      expect(await status(ids.priv, bearer(tokens.admin))).toBe(404);
      expect(await status(ids.draft, bearer(tokens.monitor))).toBe(200);
      expect(await status(ids.draft, { Authorization: 'Bearer no.es.token' })).toBe(401);

      const publicView = (await env.http.get(`/api/v1/requests/${filed.folio}`).expect(200)).body;
      expect(publicView.cases[0].documents.map((d: { id: string }) => d.id)).toEqual([ids.pub]);
      expect(publicView.cases[0].documents[0]).toMatchObject({ name: 'Presupuesto.pdf', mediaType: 'application/pdf', public: true, sha256: sha256(content.pub), url: `/api/v1/documents/${ids.pub}` });
      const requesterView = (await env.http.get(`/api/v1/requests/${filed.folio}`).set(code).expect(200)).body;
      expect(requesterView.cases[0].documents.map((d: { id: string }) => d.id)).toEqual([ids.pub, ids.priv]);

      // Open data counts what the resolution delivered, and how much of it anyone can download.
      const today = requesterView.cases[0].receivedOn as string;
      const rows = JSON.parse((await env.http.get(`/api/v1/open-data/cases?from=${today}&to=${today}&format=json`).expect(200)).text) as Record<string, unknown>[];
      expect(rows.find((r) => r.id === filed.caseId)).toMatchObject({ documents: 2, publicDocuments: 1 });
    });

    it('answers with the bytes, their type, length, disposition and ETag; ranges, conditional requests', async () => {
      const whole = await download(ids.pub).expect(200);
      expect(whole.body).toEqual(content.pub);
      expect(whole.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(content.pub.length),
        'content-disposition': 'inline; filename="Presupuesto.pdf"',
        etag: `"${sha256(content.pub)}"`,
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=3600',
      });
      const part = await download(ids.pub, { Range: 'bytes=5-24' }).expect(206);
      expect(part.body).toEqual(content.pub.subarray(5, 25));
      expect(part.headers['content-range']).toBe(`bytes 5-24/${content.pub.length}`);
      expect(part.headers['content-length']).toBe('20');
      const suffix = await download(ids.pub, { Range: 'bytes=-10' }).expect(206);
      expect(suffix.body).toEqual(content.pub.subarray(content.pub.length - 10));
      const outside = await download(ids.pub, { Range: `bytes=${content.pub.length}-` }).expect(416);
      expect(outside.headers['content-range']).toBe(`bytes */${content.pub.length}`);
      expect(outside.body.toString()).toContain('RANGE_NOT_SATISFIABLE');
      await download(ids.pub, { Range: 'bytes=5-24', 'If-Range': '"otro"' }).expect(200);
      await download(ids.pub, { 'If-None-Match': `"${sha256(content.pub)}"` }).expect(304);
      const priv = await download(ids.priv, { 'X-Access-Code': filed.accessCode }).expect(200);
      expect(priv.headers['cache-control']).toBe('private, no-store');
      await download('no-es-uuid').expect(404);
      await download('00000000-0000-0000-0000-000000000000').expect(404);
    });
  });

  it('never serves HTML or SVG inline: attachment and nosniff', async () => {
    const filed = await fileWeb(env, 'MINFIN', `html-${driver}`);
    const html = (await upload(filed.caseId, Buffer.from('<html><body><script>alert(1)</script></body></html>'), 'página.html', 'text/html').expect(201)).body;
    const svg = (await upload(filed.caseId, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml').expect(201)).body;
    for (const d of [html, svg]) {
      const res = await download(d.id, bearer(tokens.officer)).expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await download(html.id, bearer(tokens.officer))).headers['content-disposition']).toBe(`attachment; filename="pagina.html"; filename*=UTF-8''p%C3%A1gina.html`);
  });

  it('lets the officer withdraw a document uploaded by mistake, and change its public flag at any time', async () => {
    const filed = await fileWeb(env, 'MINFIN', `edit-${driver}`);
    const wrong = (await upload(filed.caseId, pdf(), 'equivocado.pdf', 'application/pdf').expect(201)).body.id as string;
    const kept = (await upload(filed.caseId, pdf('Contrato'), 'contrato.pdf', 'application/pdf').expect(201)).body.id as string;
    const path = (id: string, caseId = filed.caseId) => `/api/v1/cases/${caseId}/documents/${id}`;

    await env.http.delete(path(wrong)).set(bearer(tokens.otherOfficer)).expect(404);
    await env.http.delete(path(wrong)).set(bearer(tokens.authority)).expect(403);
    await env.http.delete(path('00000000-0000-0000-0000-000000000000')).set(bearer(tokens.officer)).expect(404);
    await env.http.delete(path(wrong)).set(bearer(tokens.officer)).expect(204);
    await download(wrong, bearer(tokens.officer)).expect(404);
    expect(await storedKeys()).not.toContain(wrong);
    expect(await storedKeys()).toContain(kept);

    const patched = await env.http.patch(path(kept)).set(bearer(tokens.officer)).send({ public: false }).expect(200);
    expect(patched.body).toMatchObject({ id: kept, public: false });
    await env.http.patch(path(kept)).set(bearer(tokens.officer)).send({ public: 'no' }).expect(400);
    await env.http.patch(path(kept)).set(bearer(tokens.otherOfficer)).send({ public: true }).expect(404);

    await staffPost(env, tokens.officer, `/cases/${filed.caseId}/resolution`, { ...RESOLUTION, documentIds: [kept] }).expect(200);
    expect((await download(kept)).status).toBe(404);
    const conflict = await env.http.delete(path(kept)).set(bearer(tokens.officer)).expect(409);
    expect(conflict.body.error).toBe('INVALID_STATE');
    // Made public after the resolution: now anyone reads it.
    await env.http.patch(path(kept)).set(bearer(tokens.officer)).send({ public: true }).expect(200);
    expect((await download(kept)).status).toBe(200);
  });

  it('the housekeeping removes objects without a row once past the grace period, and keeps the rest', async () => {
    const filed = await fileWeb(env, 'MINFIN', `orphan-${driver}`);
    const kept = (await upload(filed.caseId, pdf(), 'vale.pdf', 'application/pdf').expect(201)).body.id as string;
    const orphanPath = join(work, 'orphan.txt');
    await writeFile(orphanPath, 'sin fila\n');
    const orphan = '0b0b0b0b-0000-4000-8000-000000000001';
    await storage.putFile(orphan, orphanPath, { size: 9, mediaType: 'text/plain', sha256: 'x' });
    const settings = env.api.get<DocumentsSettings>(DOCUMENTS_SETTINGS);
    const sweepAt = (offsetMs: number) => new OrphanSweep(env.api.get(DataSource), storage, { now: () => new Date(Date.now() + offsetMs) } as Clock, settings).sweep();

    // Fresh: it may be an upload whose row is being written.
    expect((await sweepAt(0)).removed).toBe(0);
    expect(await storedKeys()).toContain(orphan);
    const later = await sweepAt(settings.orphanGraceMs + 60_000);
    expect(later.removed).toBe(1);
    const keys = await storedKeys();
    expect(keys).not.toContain(orphan);
    expect(keys).toContain(kept);
    await download(kept, bearer(tokens.officer)).expect(200);
  });
});

