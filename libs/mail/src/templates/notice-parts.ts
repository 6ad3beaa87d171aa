/**
 * The legal terms in días hábiles as the service applies them (the TERM_* settings), carried
 * in each mail's data so a text never states a term the code does not apply.
 */
export interface MailTerms {
  responseDays: number; // Art. 42
  extensionDays: number; // Art. 43
  fictaDays: number; // Art. 44
  appealFilingDays: number; // Art. 55
  appealDecisionDays: number; // Art. 58
  complianceDays: number; // Art. 60
}

/** A case as a notice names it to the staff who must act on it. */
export interface StaffCaseRef {
  subjectName: string;
  folio: string;
  caseId: string;
  /** The staff page of the case. */
  caseUrl: string;
  /** The requester's language by name when it is not Spanish (Ley de Idiomas Nacionales, Decreto 19-2003). */
  language: string | null;
}

export const businessDays = (n: number) => `${n} ${n === 1 ? 'día hábil' : 'días hábiles'}`;

/** What closes every staff notice: where to act and, when asked, in which language to answer. */
export function staffCaseLines(d: StaffCaseRef): string[] {
  return [
    ...(d.language
      ? [`El requirente prefiere ${d.language}: la Ley de Idiomas Nacionales (Decreto 19-2003) pide atenderlo en su idioma.`]
      : []),
    `Vea el caso en ${d.caseUrl}`,
  ];
}
