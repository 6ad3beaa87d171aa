import type { EntityManager } from 'typeorm';

/** Which case(s) a mail is about: its case, or else its request (the requester's filing receipt names only the folio). */
export interface MailAbout {
  caseId?: string;
  folio?: string;
}

/**
 * How the mail worker writes on a case's history that one of its mails will never arrive. The
 * cases' store provides it (`@ventanilla/cases`: every event goes through its one door); mail
 * only names the port, since cases import mail and not the other way round.
 */
export abstract class MailCaseHistory {
  abstract undeliverable(tx: EntityManager, about: MailAbout, data: Record<string, unknown>, at: Date): Promise<void>;
}
