import { Injectable } from '@nestjs/common';
import { CaseActions, CaseReader, CaseView, Request, REQUESTER } from '@ventanilla/cases';
import { LookupService } from './lookup.service';

/** What the requester does to a case of a request whose access code was accepted: answer a clarification, withdraw. */
@Injectable()
export class RequesterActionsService {
  constructor(
    private readonly lookup: LookupService,
    private readonly actions: CaseActions,
    private readonly reader: CaseReader,
  ) {}

  async answerClarification(request: Request, caseId: string, text: string): Promise<CaseView> {
    const c = await this.lookup.caseOf(request, caseId);
    const updated = await this.actions.run(c.id, { action: 'answer_clarification', event: 'clarification_answered', actor: REQUESTER }, () => ({
      eventData: { text },
    }));
    return this.reader.view(updated, undefined, 'requester');
  }

  async withdraw(request: Request, caseId: string, reason: string | undefined): Promise<CaseView> {
    const c = await this.lookup.caseOf(request, caseId);
    const updated = await this.actions.run(c.id, { action: 'withdraw', event: 'withdrawn', actor: REQUESTER }, (target, ctx) => {
      target.closedAt = ctx.now;
      return { eventData: reason ? { reason } : {} };
    });
    return this.reader.view(updated, undefined, 'requester');
  }
}
