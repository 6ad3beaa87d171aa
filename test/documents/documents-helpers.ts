import { randomBytes, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Sent on a keep-alive connection an earlier request had used. */
  reusedSocket: boolean;
}

/**
 * Uploads a file from disk through a real socket, streaming the multipart body, so the test
 * client holds no more of it in memory than the api does. `chunked` leaves Content-Length out.
 */
export async function streamUpload(
  baseUrl: string,
  token: string,
  caseId: string,
  file: { path: string; name: string; type: string },
  /**
   * `abortAfterBytes`: stop sending there and drop the connection, once `abortWhen` holds (polled
   * until it does; the test's timeout bounds the wait). `agent`: the connections to use.
   */
  options: { chunked?: boolean; abortAfterBytes?: number; abortWhen?: () => Promise<boolean>; agent?: http.Agent } = {},
): Promise<HttpAnswer | 'aborted'> {
  const boundary = `vt${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await stat(file.path)).size;
  const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (!options.chunked) headers['content-length'] = head.length + size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}/api/v1/cases/${caseId}/documents`, { method: 'POST', headers, agent: options.agent });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), reusedSocket: req.reusedSocket }),
      );
    });
    // The api may answer (413, 415) and close before the whole body is sent.
    req.on('error', (error) => (options.abortAfterBytes !== undefined ? resolve('aborted') : reject(error)));
    req.write(head);
    let sent = 0;
    const source = createReadStream(file.path, { highWaterMark: 256 * 1024 });
    source.on('data', (chunk) => {
      sent += chunk.length;
      if (options.abortAfterBytes !== undefined && sent >= options.abortAfterBytes) {
        source.destroy();
        req.write(chunk);
        void (async () => {
          while (options.abortWhen && !(await options.abortWhen())) await new Promise((r) => setTimeout(r, 20));
          req.destroy();
          setTimeout(() => resolve('aborted'), 50);
        })();
        return;
      }
      if (!req.write(chunk)) {
        source.pause();
        req.once('drain', () => source.resume());
      }
    });
    source.on('end', () => req.end(tail));
    source.on('error', reject);
  });
}

/** Downloads through a real socket and hashes the stream, holding none of it. */
export async function streamDownload(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const hash = createHash('sha256');
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          hash.update(c);
        });
        res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, sha256: hash.digest('hex'), size }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The process's memory peaks while `work` runs, above what it used just before (MiB). */
export async function memoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; rss: number; heap: number; buffers: number }> {
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed, buffers: base.arrayBuffers };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.buffers = Math.max(peak.buffers, m.arrayBuffers);
  }, 5);
  try {
    const result = await work();
    const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    return { result, rss: mib(peak.rss - base.rss), heap: mib(peak.heap - base.heapUsed), buffers: mib(peak.buffers - base.arrayBuffers) };
  } finally {
    clearInterval(timer);
  }
}
