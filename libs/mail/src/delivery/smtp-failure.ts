/** What an SMTP error means for the mail: retry later, or never. */
export interface SmtpFailure {
  /** The server refused this recipient or this message (5xx): retrying cannot help. */
  permanent: boolean;
  reason: string;
}

interface NodemailerError {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const FIRST_DELAY_MS = 2000;

/**
 * Only a 5xx answer to the recipient or to the message is permanent. Everything else — refused
 * or dropped connections, timeouts, 4xx, a 5xx to the sender or to the login (the
 * deployment's own configuration, which an operator fixes) — is transient.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as NodemailerError;
  const reason = oneLine(e.response ?? e.message ?? String(error));
  const rejected = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  const permanent =
    (rejected && (e.command === 'RCPT TO' || e.command === 'DATA')) ||
    // nodemailer refuses a malformed address before talking to the server.
    (e.code === 'EENVELOPE' && e.command === 'API' && /recipient/i.test(e.message ?? ''));
  return { permanent, reason: e.code && !reason.includes(e.code) ? `${e.code}: ${reason}` : reason };
}

/** Wait before try `attempt + 1` (attempt counts from 1): doubling from 2 s, capped, with a little jitter so a backlog spreads out. */
export function retryDelayMs(attempt: number, maxDelayMs: number, random = Math.random): number {
  const doubled = FIRST_DELAY_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(doubled, maxDelayMs);
  return Math.round(capped * (0.9 + 0.1 * random()));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
