import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpCatcherOptions {
  /** Recipients the server refuses with a permanent 550 at RCPT TO. */
  rejects?: (address: string) => boolean;
  /** How long the server takes to accept each message (a slow relay). */
  delayMs?: number;
}

/**
 * A real SMTP server in the test process; it keeps every message it receives, parsed. It can
 * be stopped (connections are then refused) and started again on the same port.
 */
export class SmtpCatcher {
  readonly messages: ParsedMail[] = [];
  private server?: SMTPServer;
  private port = 0;

  constructor(private readonly options: SmtpCatcherOptions = {}) {}

  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.options.rejects?.(address.address.toLowerCase())) {
          return callback(Object.assign(new Error('5.1.1 Buzón inexistente'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => recipients(m).includes(address.toLowerCase()));
  }

  /** Waits until `count` messages to `address` have arrived. */
  async waitFor(address: string, count = 1, timeoutMs = 20000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.to(address);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Esperaba ${count} correo(s) a ${address}; llegaron ${this.to(address).length}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}
