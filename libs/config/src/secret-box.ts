import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** AES-256-GCM under a key derived from the server secret and a context label. */
export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

const keys = new Map<string, Buffer>();

/** Derived once per secret and context (a filing seals one mail per recipient, each with the same key). */
function key(secret: string, context: string): Buffer {
  const id = `${context}\n${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = createHmac('sha256', secret).update(`ventanilla-seal\n${context}`).digest();
    keys.set(id, derived);
  }
  return derived;
}

/**
 * Seals a value that must travel through the database or Redis but never rest there readable
 * (an access code on its way to the requester's mailbox, a stored idempotent answer).
 */
export function seal(secret: string, context: string, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret, context), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal<T = unknown>(secret: string, context: string, sealed: Sealed): T {
  const decipher = createDecipheriv('aes-256-gcm', key(secret, context), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}
