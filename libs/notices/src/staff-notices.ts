import { createHash } from 'node:crypto';
import { MailData, MailJob, MailService, MailTemplate } from '@ventanilla/mail';

/**
 * One message per person: the key of the event plus a digest of the address, so a retried or
 * replayed event sends nothing twice to anyone, and no address rests in a job id.
 */
export function perRecipientKey(key: string, email: string): string {
  return `${key}-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
}

export function messagesTo<T extends MailTemplate>(
  mail: MailService,
  recipients: string[],
  key: string,
  template: T,
  data: MailData<T>,
): MailJob[] {
  return recipients.map((to) => mail.message(perRecipientKey(key, to), to, template, data));
}
