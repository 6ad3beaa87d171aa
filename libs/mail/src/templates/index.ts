import { RenderedMail } from '../rendered-mail';
import { caseReceived, requestFiled } from './intake.templates';
import {
  appealDecided, appealFiled, appealFiledUip, caseExtended, caseResolved, caseTransferred, caseTransferredIn, clarificationAnswered,
  clarificationRequested,
} from './workflow.templates';
import { WATCH_TEMPLATES } from './watch.templates';

export type { MailTerms, StaffCaseRef } from './notice-parts';

/** Every template by name; a job names its template and carries its data. */
export const MAIL_TEMPLATES = {
  'request-filed': requestFiled,
  'case-received': caseReceived,
  'clarification-requested': clarificationRequested,
  'clarification-answered': clarificationAnswered,
  'case-extended': caseExtended,
  'case-resolved': caseResolved,
  'case-transferred': caseTransferred,
  'case-transferred-in': caseTransferredIn,
  'appeal-filed': appealFiled,
  'appeal-filed-uip': appealFiledUip,
  'appeal-decided': appealDecided,
  ...WATCH_TEMPLATES,
} satisfies Record<string, (data: never) => RenderedMail>;

export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type MailData<T extends MailTemplate> = Parameters<(typeof MAIL_TEMPLATES)[T]>[0];

export function renderMail(template: string, data: unknown): RenderedMail {
  const render = (MAIL_TEMPLATES as Record<string, (d: unknown) => RenderedMail>)[template];
  if (!render) throw new Error(`Plantilla de correo desconocida: ${template}`);
  return render(data);
}
