import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs in the child: s3rver on a free port, which it prints. */
const CHILD = `
const S3rver = require('s3rver');
new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: process.argv[1] })
  .run()
  .then(({ port }) => console.log('S3RVER_PORT=' + port), (e) => { console.error(e); process.exit(1); });
`;

/**
 * A real S3-compatible server (`s3rver`, from npm) for the S3 driver's tests, in a child
 * process of its own, so the memory the api uses is measured without the server's.
 */
export class S3Server {
  private child?: ChildProcess;
  private directory?: string;

  async start(): Promise<{ endpoint: string; accessKeyId: string; secretAccessKey: string }> {
    this.directory = await mkdtemp(join(tmpdir(), 'vt-s3rver-'));
    const child = spawn(process.execPath, ['-e', CHILD, this.directory], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
    this.child = child;
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /S3RVER_PORT=(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`s3rver terminó (código ${code}) antes de escuchar`)));
    });
    // s3rver accepts these fixed credentials and checks each request's signature with them.
    return { endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
    if (this.directory) await rm(this.directory, { recursive: true, force: true });
  }
}
