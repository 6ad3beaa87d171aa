import { compose, RenderedMail } from '../rendered-mail';
import { businessDays, MailTerms, StaffCaseRef, staffCaseLines } from './notice-parts';

/** What every message about one case tells the requester to find it again. */
interface CaseRef {
  requesterName: string;
  folio: string;
  caseId: string;
  subjectName: string;
  /** The request's web page (/solicitudes/{folio}). */
  followUrl: string;
}

/** The requester acts on the request's page with the access code; the code is never in a mail after the first. */
const howToAct = (d: CaseRef, what: string) =>
  `Para ${what}, entre a ${d.followUrl} con su folio ${d.folio} y el código de acceso que recibió al presentar la solicitud.`;

export interface ClarificationRequestedData extends CaseRef {
  text: string;
}

/** Art. 42.2: the UIP asks the requester to clarify; the term keeps running. */
export function clarificationRequested(d: ClarificationRequestedData): RenderedMail {
  return compose(`Solicitud ${d.folio}: ${d.subjectName} le pide una aclaración`, [
    `Estimado(a) ${d.requesterName}:`,
    `La Unidad de Información Pública de ${d.subjectName} le pide aclarar su solicitud ${d.folio}:`,
    d.text,
    'El plazo para responder su solicitud sigue corriendo mientras tanto.',
    howToAct(d, 'responder'),
  ]);
}

export interface ClarificationAnsweredData extends StaffCaseRef {
  text: string;
  termDueDate: string;
}

/** To the UIP: the requester answered the clarification it asked for. */
export function clarificationAnswered(d: ClarificationAnsweredData): RenderedMail {
  return compose(`Solicitud ${d.folio}: el requirente respondió la aclaración`, [
    `El requirente de la solicitud ${d.folio} (caso ${d.caseId}) de ${d.subjectName} respondió la aclaración:`,
    d.text,
    `El plazo sigue corriendo: vence el ${d.termDueDate}.`,
    ...staffCaseLines(d),
  ]);
}

export interface CaseExtendedData extends CaseRef {
  reason: string;
  dueDate: string;
  extendedDueDate: string;
  terms: MailTerms;
}

/** Art. 43: the one extension, with its reasons. */
export function caseExtended(d: CaseExtendedData): RenderedMail {
  return compose(`Solicitud ${d.folio}: ${d.subjectName} prorrogó el plazo`, [
    `Estimado(a) ${d.requesterName}:`,
    `${d.subjectName} prorrogó por ${businessDays(d.terms.extensionDays)} el plazo para responder su solicitud ${d.folio} (Art. 43 LAIP).`,
    `El plazo vencía el ${d.dueDate}; ahora vence el ${d.extendedDueDate}.`,
    `Motivo: ${d.reason}`,
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface CaseResolvedData extends CaseRef {
  /** The resolution type in Spanish words. */
  outcome: string;
  text: string;
  classificationRef: string | null;
  resolvedOn: string;
  appealDeadline: string;
  /** What the resolution delivers, each with its anchor on the request's page (optional: mails queued before documents existed). */
  documents?: { name: string; size: number; url: string }[];
  /** The request's page (`/solicitudes/{folio}`), where the documents are downloaded with the access code. */
  caseUrl?: string;
  terms: MailTerms;
}

/** A size as people read it, in Spanish notation: 850 kB, 1,2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1000 / 1000).toFixed(1).replace('.', ',')} MB`;
}

const deliveredDocuments = (d: CaseResolvedData): (string | string[])[] =>
  d.documents?.length
    ? [
        `La resolución entrega ${d.documents.length === 1 ? 'este documento' : `estos ${d.documents.length} documentos`}:`,
        d.documents.map((doc) => `${doc.name} (${formatSize(doc.size)}): ${doc.url}`),
        `Descárguelos en la página de su solicitud${d.caseUrl ? `, ${d.caseUrl}` : ''}, con su código de acceso.`,
      ]
    : [];

/** Art. 42 and 45: the reasoned resolution and the window for a recurso de revisión. */
export function caseResolved(d: CaseResolvedData): RenderedMail {
  return compose(`Solicitud ${d.folio}: ${d.subjectName} resolvió`, [
    `Estimado(a) ${d.requesterName}:`,
    `${d.subjectName} resolvió su solicitud ${d.folio} el ${d.resolvedOn}: ${d.outcome}.`,
    d.text,
    ...(d.classificationRef ? [`Resolución de clasificación citada: ${d.classificationRef}`] : []),
    ...deliveredDocuments(d),
    `Si no está conforme, puede presentar un recurso de revisión ante la máxima autoridad a más tardar el ${d.appealDeadline} (${businessDays(d.terms.appealFilingDays)}, Art. 55 LAIP). ${howToAct(d, 'presentarlo')}`,
  ]);
}

export interface CaseTransferredData extends CaseRef {
  toSubjectName: string;
  reason: string;
  newDueDate: string;
}

/** Art. 38: the body was not competent and forwarded the request; the new body's term starts now. */
export function caseTransferred(d: CaseTransferredData): RenderedMail {
  return compose(`Solicitud ${d.folio}: trasladada a ${d.toSubjectName}`, [
    `Estimado(a) ${d.requesterName}:`,
    `${d.subjectName} trasladó su solicitud ${d.folio} a ${d.toSubjectName}, el sujeto obligado competente (Art. 38 LAIP).`,
    `Motivo: ${d.reason}`,
    `${d.toSubjectName} debe responder a más tardar el ${d.newDueDate}. Su folio y su código de acceso siguen siendo los mismos.`,
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface CaseTransferredInData extends StaffCaseRef {
  fromSubjectName: string;
  receivedOn: string;
  dueDate: string;
  reason: string;
  description: string;
  terms: MailTerms;
}

/** To the competent body's UIP: a request forwarded to it by another body. */
export function caseTransferredIn(d: CaseTransferredInData): RenderedMail {
  return compose(`Solicitud ${d.folio} trasladada a ${d.subjectName}`, [
    `${d.fromSubjectName} trasladó a la Unidad de Información Pública de ${d.subjectName} la solicitud ${d.folio} (caso ${d.caseId}) por ser competente (Art. 38 LAIP).`,
    `Motivo del traslado: ${d.reason}`,
    `Fecha de recepción: ${d.receivedOn}. Vence el ${d.dueDate} (${businessDays(d.terms.responseDays)}, Art. 42 LAIP).`,
    `Información solicitada: ${d.description}`,
    ...staffCaseLines(d),
  ]);
}

export interface AppealFiledData extends CaseRef {
  grounds: string;
  decisionDueDate: string;
  terms: MailTerms;
}

/** Art. 52-58: the recurso de revisión reached the máxima autoridad. */
export function appealFiled(d: AppealFiledData): RenderedMail {
  return compose(`Solicitud ${d.folio}: recurso de revisión presentado`, [
    `Estimado(a) ${d.requesterName}:`,
    `Su recurso de revisión ante la máxima autoridad de ${d.subjectName} quedó presentado (causa: ${d.grounds}).`,
    `Debe resolverse a más tardar el ${d.decisionDueDate} (${businessDays(d.terms.appealDecisionDays)}, Art. 58 LAIP).`,
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface AppealFiledUipData extends StaffCaseRef {
  grounds: string;
  text: string;
  decisionDueDate: string;
  terms: MailTerms;
}

/** To the body's UIP and its máxima autoridad: an appeal the máxima autoridad must decide. */
export function appealFiledUip(d: AppealFiledUipData): RenderedMail {
  return compose(`Recurso de revisión en la solicitud ${d.folio}`, [
    `Se presentó un recurso de revisión contra ${d.subjectName} en la solicitud ${d.folio} (caso ${d.caseId}), causa: ${d.grounds}.`,
    d.text,
    `La máxima autoridad debe resolverlo a más tardar el ${d.decisionDueDate} (${businessDays(d.terms.appealDecisionDays)}, Art. 58 LAIP).`,
    ...staffCaseLines(d),
  ]);
}

export interface AppealDecidedData extends CaseRef {
  /** The outcome in Spanish words. */
  outcome: string;
  text: string;
  complianceDueDate: string | null;
  terms: MailTerms;
}

/** Art. 59-60: the máxima autoridad's decision and, when it orders something, the term to comply. */
export function appealDecided(d: AppealDecidedData): RenderedMail {
  return compose(`Solicitud ${d.folio}: recurso de revisión resuelto`, [
    `Estimado(a) ${d.requesterName}:`,
    `La máxima autoridad de ${d.subjectName} resolvió su recurso de revisión: ${d.outcome}.`,
    d.text,
    ...(d.complianceDueDate
      ? [`${d.subjectName} debe cumplir a más tardar el ${d.complianceDueDate} (${businessDays(d.terms.complianceDays)}, Art. 60 LAIP).`]
      : []),
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}
