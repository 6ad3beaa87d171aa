import { compose, RenderedMail } from '../rendered-mail';
import { businessDays, MailTerms, StaffCaseRef, staffCaseLines } from './notice-parts';

/** A case as the watch's mails name it to the staff who must act on it. */
type UipCaseRef = StaffCaseRef;

/** A case as the watch's mails name it to the requester. */
interface RequesterCaseRef {
  requesterName: string;
  folio: string;
  subjectName: string;
  followUrl: string;
}

export interface TermReminderData extends UipCaseRef {
  termDueDate: string;
  /** Días hábiles left after today's; 0 on the last day. */
  businessDaysLeft: number;
}

/** To the UIP, a few días hábiles before the term ends and on its last day. */
export function termReminder(d: TermReminderData): RenderedMail {
  const when =
    d.businessDaysLeft === 0
      ? `Hoy, ${d.termDueDate}, es el último día hábil del plazo.`
      : `El plazo vence el ${d.termDueDate}: quedan ${d.businessDaysLeft} día(s) hábil(es) después de hoy.`;
  return compose(`Recordatorio: la solicitud ${d.folio} vence el ${d.termDueDate}`, [
    `La Unidad de Información Pública de ${d.subjectName} tiene pendiente la solicitud ${d.folio} (caso ${d.caseId}).`,
    when,
    'Si no responde a tiempo, la solicitud queda vencida y corre el plazo de la afirmativa ficta (Art. 44 LAIP).',
    ...staffCaseLines(d),
  ]);
}

export interface ExtensionWindowData extends UipCaseRef {
  dueDate: string;
  terms: MailTerms;
}

/** To the UIP: Art. 43's window to notify an extension opens (the last two días hábiles of the term). */
export function extensionWindow(d: ExtensionWindowData): RenderedMail {
  return compose(`Solicitud ${d.folio}: últimos días para notificar una prórroga`, [
    `La solicitud ${d.folio} (caso ${d.caseId}) de ${d.subjectName} vence el ${d.dueDate}.`,
    `Si el volumen de la información lo justifica, la prórroga de hasta ${businessDays(d.terms.extensionDays)} debe notificarse al solicitante, con sus razones, dentro de los dos días anteriores a la conclusión del plazo (Art. 43 LAIP). Después del vencimiento ya no es posible.`,
    ...staffCaseLines(d),
  ]);
}

export interface CaseOverdueUipData extends UipCaseRef {
  termDueDate: string;
  fictaDueDate: string;
  terms: MailTerms;
}

/** To the UIP: the term ended unanswered. */
export function caseOverdueUip(d: CaseOverdueUipData): RenderedMail {
  return compose(`Solicitud ${d.folio} vencida sin respuesta`, [
    `El plazo de la solicitud ${d.folio} (caso ${d.caseId}) de ${d.subjectName} venció el ${d.termDueDate} sin resolución.`,
    `Por afirmativa ficta (Art. 44 LAIP), la información debe entregarse sin costo dentro de los ${businessDays(d.terms.fictaDays)} siguientes, a más tardar el ${d.fictaDueDate}. No hacerlo puede constituir delito (Art. 66 LAIP).`,
    'Mientras siga sin respuesta, el requirente puede presentar un recurso de revisión ante la máxima autoridad (Art. 55 LAIP).',
    ...staffCaseLines(d),
  ]);
}

export interface CaseOverdueRequesterData extends RequesterCaseRef {
  termDueDate: string;
  fictaDueDate: string;
  terms: MailTerms;
}

/** To the requester: the body did not answer in time. */
export function caseOverdueRequester(d: CaseOverdueRequesterData): RenderedMail {
  return compose(`Solicitud ${d.folio}: ${d.subjectName} no respondió a tiempo`, [
    `Estimado(a) ${d.requesterName}:`,
    `El plazo de ${d.subjectName} para responder su solicitud ${d.folio} venció el ${d.termDueDate} sin respuesta.`,
    `Por afirmativa ficta (Art. 44 LAIP), debe entregarle la información sin costo dentro de los ${businessDays(d.terms.fictaDays)} siguientes, a más tardar el ${d.fictaDueDate}, sin que usted lo pida de nuevo.`,
    // The rule canFileAppeal applies: admissible at any time while the case stays overdue.
    `Mientras su solicitud siga sin respuesta, puede presentar en cualquier momento un recurso de revisión ante la máxima autoridad (Art. 55 LAIP); si ${d.subjectName} llega a resolver, tendrá ${businessDays(d.terms.appealFilingDays)} desde la resolución.`,
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface FictaExpiredUipData extends UipCaseRef {
  fictaDueDate: string;
}

/** To the UIP: the afirmativa ficta term ended with the case still unanswered. */
export function fictaExpiredUip(d: FictaExpiredUipData): RenderedMail {
  return compose(`Solicitud ${d.folio}: venció el plazo de la afirmativa ficta`, [
    `El ${d.fictaDueDate} venció el plazo de la afirmativa ficta (Art. 44 LAIP) de la solicitud ${d.folio} (caso ${d.caseId}) de ${d.subjectName}, y sigue sin resolución.`,
    'Negar u ocultar la información puede constituir delito (Art. 66 LAIP). La Procuraduría de los Derechos Humanos recibe este dato en su seguimiento.',
    ...staffCaseLines(d),
  ]);
}

export interface FictaExpiredRequesterData extends RequesterCaseRef {
  fictaDueDate: string;
}

/** To the requester: the afirmativa ficta term ended too. */
export function fictaExpiredRequester(d: FictaExpiredRequesterData): RenderedMail {
  return compose(`Solicitud ${d.folio}: venció el plazo de la afirmativa ficta`, [
    `Estimado(a) ${d.requesterName}:`,
    `El ${d.fictaDueDate} venció el plazo en que ${d.subjectName} debía entregarle la información por afirmativa ficta (Art. 44 LAIP), y su solicitud ${d.folio} sigue sin respuesta.`,
    'Puede presentar un recurso de revisión (Art. 55 LAIP) o acudir a la Procuraduría de los Derechos Humanos.',
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface AppealOverdueData extends RequesterCaseRef {
  appealDueDate: string;
}

/** To the requester: the máxima autoridad did not decide the appeal in time (Art. 58). */
export function appealOverdue(d: AppealOverdueData): RenderedMail {
  return compose(`Solicitud ${d.folio}: el recurso de revisión no se resolvió a tiempo`, [
    `Estimado(a) ${d.requesterName}:`,
    `La máxima autoridad de ${d.subjectName} debía resolver su recurso de revisión a más tardar el ${d.appealDueDate} (Art. 58 LAIP) y no lo ha hecho.`,
    'Puede acudir a la Procuraduría de los Derechos Humanos, autoridad reguladora de la ley.',
    `Puede seguir su solicitud en ${d.followUrl}`,
  ]);
}

export interface AppealOverdueStaffData extends UipCaseRef {
  appealDueDate: string;
  terms: MailTerms;
}

/** To the UIP and the máxima autoridad: the appeal's decision term (Art. 58) ended undecided. */
export function appealOverdueStaff(d: AppealOverdueStaffData): RenderedMail {
  return compose(`Solicitud ${d.folio}: venció el plazo para resolver el recurso de revisión`, [
    `La máxima autoridad de ${d.subjectName} debía resolver a más tardar el ${d.appealDueDate} el recurso de revisión de la solicitud ${d.folio} (caso ${d.caseId}), ${businessDays(d.terms.appealDecisionDays)} después de presentado (Art. 58 LAIP), y no lo ha hecho.`,
    'El requirente puede acudir a la Procuraduría de los Derechos Humanos.',
    ...staffCaseLines(d),
  ]);
}

/** A line of a digest. */
export interface DigestCase {
  folio: string;
  caseId: string;
  termDueDate: string;
  /** The staff page of the case. */
  caseUrl: string;
}

export interface SubjectDigestData {
  subjectName: string;
  date: string;
  dueSoon: DigestCase[];
  dueSoonTotal: number;
  overdue: DigestCase[];
  overdueTotal: number;
}

const lines = (cases: DigestCase[], total: number): string[] => [
  ...cases.map((c) => `${c.folio}: vence el ${c.termDueDate} — ${c.caseUrl}`),
  ...(total > cases.length ? [`… y ${total - cases.length} más`] : []),
];

/** To each UIP every morning: what is due this week and what is already overdue. */
export function subjectDigest(d: SubjectDigestData): RenderedMail {
  return compose(`Resumen del ${d.date}: ${d.dueSoonTotal} por vencer, ${d.overdueTotal} vencida(s) — ${d.subjectName}`, [
    `Solicitudes pendientes de ${d.subjectName} al ${d.date}.`,
    d.dueSoonTotal > 0 ? `Vencen en los próximos 7 días (${d.dueSoonTotal}):` : 'Ninguna vence en los próximos 7 días.',
    ...(d.dueSoonTotal > 0 ? [lines(d.dueSoon, d.dueSoonTotal)] : []),
    d.overdueTotal > 0 ? `Vencidas sin respuesta (${d.overdueTotal}):` : 'No hay solicitudes vencidas.',
    ...(d.overdueTotal > 0 ? [lines(d.overdue, d.overdueTotal)] : []),
  ]);
}

export interface PdhDigestData {
  from: string;
  to: string;
  cases: (Omit<DigestCase, 'caseUrl'> & { subjectName: string })[];
  total: number;
  /** Active subjects whose notices reach nobody: no active UIP officer and no UIP mailbox. */
  unreachable: { code: string; name: string }[];
  unreachableTotal: number;
  /** The public statistics page. */
  statsUrl: string;
}

/** To the PDH's monitors: every case that became overdue since the last digest, and the bodies nobody can reach. */
export function pdhDigest(d: PdhDigestData): RenderedMail {
  const unreachable = d.unreachableTotal ?? 0;
  return compose(`Ventanilla: ${d.total} solicitud(es) vencida(s) sin respuesta desde el ${d.from}, ${unreachable} sujeto(s) sin UIP registrada`, [
    d.total > 0
      ? `Entre el ${d.from} y el ${d.to} vencieron sin respuesta ${d.total} solicitud(es) de información pública:`
      : `Entre el ${d.from} y el ${d.to} no venció sin respuesta ninguna solicitud.`,
    ...(d.total > 0
      ? [[
          ...d.cases.map((c) => `${c.subjectName}: ${c.folio} (caso ${c.caseId}), vencida el ${c.termDueDate}`),
          ...(d.total > d.cases.length ? [`… y ${d.total - d.cases.length} más (vea ${d.statsUrl})`] : []),
        ]]
      : []),
    ...(unreachable > 0
      ? [
          `Sujetos obligados sin UIP registrada (${unreachable}): no tienen oficial de información activo ni correo de la UIP, y ningún aviso de sus solicitudes llega a nadie:`,
          [
            ...(d.unreachable ?? []).map((s) => `${s.name} (${s.code}): sin UIP registrada`),
            ...(unreachable > (d.unreachable ?? []).length ? [`… y ${unreachable - (d.unreachable ?? []).length} más`] : []),
          ],
        ]
      : []),
  ]);
}

/** The watch's templates by name, merged into MAIL_TEMPLATES. */
export const WATCH_TEMPLATES = {
  'term-reminder': termReminder,
  'extension-window': extensionWindow,
  'case-overdue-uip': caseOverdueUip,
  'case-overdue-requester': caseOverdueRequester,
  'ficta-expired-uip': fictaExpiredUip,
  'ficta-expired-requester': fictaExpiredRequester,
  'appeal-overdue': appealOverdue,
  'appeal-overdue-staff': appealOverdueStaff,
  'subject-digest': subjectDigest,
  'pdh-digest': pdhDigest,
} as const;
