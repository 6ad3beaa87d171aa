import { Injectable, Module } from '@nestjs/common';
import { MailAbout, MailCaseHistory } from '@ventanilla/mail';
import { EntityManager } from 'typeorm';
import { appendEvents, SYSTEM } from '../case-events';

/** A mail that will never arrive leaves a `mail_undeliverable` event on each case it is about, through the one events door. */
@Injectable()
export class CaseMailHistory extends MailCaseHistory {
  async undeliverable(tx: EntityManager, about: MailAbout, data: Record<string, unknown>, at: Date): Promise<void> {
    // A mail names its case, or else its request (the requester's filing receipt): then every case of it.
    const cases: { id: string }[] = about.caseId
      ? await tx.query(`SELECT id FROM cases WHERE id = $1::uuid`, [about.caseId])
      : about.folio
        ? await tx.query(`SELECT id FROM cases WHERE folio = $1 ORDER BY id`, [about.folio])
        : [];
    await appendEvents(tx, cases.map(({ id }) => ({ caseId: id, type: 'mail_undeliverable', actor: SYSTEM, at, data })));
  }
}

/** Gives the mail worker the cases' history (see `MailWorkerModule.register`). */
@Module({ providers: [{ provide: MailCaseHistory, useClass: CaseMailHistory }], exports: [MailCaseHistory] })
export class CaseMailHistoryModule {}
