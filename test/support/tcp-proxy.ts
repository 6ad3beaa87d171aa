import { AddressInfo, createServer, Server, Socket } from 'node:net';

interface Link {
  client: Socket;
  upstream?: Socket;
  /** Black-holed: bytes either way are swallowed, and neither end is told. */
  dead: boolean;
}

/**
 * A TCP proxy the test controls, between a process and a server (PostgreSQL):
 * - `stall()`: the network swallows everything without a reset — every open connection goes
 *   dead for good (a firewall or NAT that lost its state), and new ones hang — until
 * - `resume()`: new connections pass again (the dead ones stay dead, as they would);
 * - `cut()`: every connection is reset and new ones are refused until `resume()`.
 */
export class TcpProxy {
  private readonly links = new Set<Link>();
  private mode: 'pass' | 'stall' | 'cut' = 'pass';
  private server?: Server;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  stall(): void {
    this.mode = 'stall';
    for (const link of this.links) link.dead = true;
  }

  cut(): void {
    this.mode = 'cut';
    for (const link of this.links) this.close(link);
  }

  resume(): void {
    this.mode = 'pass';
  }

  async stop(): Promise<void> {
    for (const link of this.links) this.close(link);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client, dead: this.mode === 'stall' };
    this.links.add(link);
    client.on('error', () => undefined);
    client.on('close', () => {
      // A dead link's far end never hears of it.
      if (!link.dead) this.close(link);
      else this.links.delete(link);
    });
    if (link.dead) {
      client.on('data', () => undefined);
      return;
    }
    const upstream = new Socket();
    link.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('close', () => {
      if (!link.dead) this.close(link);
    });
    upstream.connect(this.targetPort, this.targetHost);
    client.on('data', (chunk) => {
      if (!link.dead) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!link.dead) client.write(chunk);
    });
  }

  private close(link: Link): void {
    this.links.delete(link);
    link.client.resetAndDestroy();
    link.upstream?.resetAndDestroy();
  }
}
