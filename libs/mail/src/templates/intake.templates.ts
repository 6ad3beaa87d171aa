import { compose, RenderedMail } from '../rendered-mail';
import { businessDays, MailTerms, StaffCaseRef, staffCaseLines } from './notice-parts';

export interface RequestFiledData {
  requesterName: string;
  folio: string;
  accessCode: string;
  followUrl: string;
  cases: { subjectName: string; dueDate: string }[];
  terms: MailTerms;
}

/** To the requester, on filing: the folio, the access code and each body's due date. */
export function requestFiled(d: RequestFiledData): RenderedMail {
  return compose(`Solicitud de información ${d.folio} recibida`, [
    `Estimado(a) ${d.requesterName}:`,
    `Su solicitud de acceso a la información pública fue registrada con el folio ${d.folio}.`,
    `Su código de acceso es: ${d.accessCode}. Guárdelo: solo se muestra esta vez y lo necesitará para ver sus datos, responder aclaraciones, desistir o presentar un recurso de revisión.`,
    `Cada sujeto obligado debe responder a más tardar en la fecha indicada (${businessDays(d.terms.responseDays)}, Art. 42 LAIP):`,
    d.cases.map((c) => `${c.subjectName}: ${c.dueDate}`),
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface CaseReceivedData extends StaffCaseRef {
  receivedOn: string;
  dueDate: string;
  description: string;
  terms: MailTerms;
}

/** To a body's UIP: a new case in its inbox. */
export function caseReceived(d: CaseReceivedData): RenderedMail {
  return compose(`Nueva solicitud ${d.folio} para ${d.subjectName}`, [
    `La Unidad de Información Pública de ${d.subjectName} recibió una nueva solicitud con el folio ${d.folio} (caso ${d.caseId}).`,
    `Fecha de recepción: ${d.receivedOn}. Vence el ${d.dueDate} (${businessDays(d.terms.responseDays)}, Art. 42 LAIP).`,
    `Información solicitada: ${d.description}`,
    ...staffCaseLines(d),
  ]);
}
